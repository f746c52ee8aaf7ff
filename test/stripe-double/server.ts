import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { closeDispute, handle, openDispute, StripeState, type Answer } from "./api";
import { canonical, parseStripeForm, type FormParams } from "./form";
import type { StripeObject } from "./objects";

export interface RecordedRequest {
  method: string;
  /** Without /v1, e.g. `/payment_intents/pi_…/capture`. */
  path: string;
  params: FormParams;
  idempotencyKey: string | null;
  /** What the double did: answered, replayed a stored answer, or a fault. */
  outcome: "answered" | "replayed" | "idempotency_error" | FaultKind;
}

export type FaultKind = "500" | "429" | "lost" | "timeout";

export interface Fault {
  method?: string;
  /** Matched against the path without /v1. */
  path?: RegExp;
  kind: FaultKind;
  /** How many matching requests it hits (default 1). */
  times?: number;
  /** For `timeout`: how long the answer is held (default 2 s). */
  delayMs?: number;
}

/**
 * Faults drawn at random on changing calls (POST), for chaos runs: at `rate`, a third each of 500 (not
 * applied), `lost` (applied, connection cut) and `timeout` (applied, answered after `delayMs`, default 2 s).
 * Scripted faults (`fail`) go first.
 */
export interface RandomFaults {
  rate: number;
  random: () => number;
  delayMs?: number;
}

export const WEBHOOK_SECRET = "whsec_test_double_secret";
export const SECRET_KEY = "sk_test_double";

export interface StripeDouble {
  url: string;
  host: string;
  port: number;
  state: StripeState;
  requests: RecordedRequest[];
  /** Requests to one path (regex on the path without /v1), optionally one method. */
  requestsTo(path: RegExp, method?: string): RecordedRequest[];
  fail(fault: Fault): void;
  /** An SDK client pointed at the double. */
  client(options?: { maxNetworkRetries?: number; timeout?: number }): Stripe;
  /** A Stripe event's delivery: the exact body and its Stripe-Signature header. */
  signed(event: StripeObject, options?: { timestamp?: number; secret?: string }): { body: string; signature: string };
  eventsOf(type: string): StripeObject[];
  openDispute(paymentIntentId: string): StripeObject;
  closeDispute(disputeId: string, outcome: "won" | "lost"): StripeObject;
  reset(): void;
  close(): Promise<void>;
}

interface Stored {
  fingerprint: string;
  answer: Answer;
}

/** Starts the double on a free loopback port. */
export async function startStripeDouble(options: { randomFaults?: RandomFaults } = {}): Promise<StripeDouble> {
  let state = new StripeState();
  let stored = new Map<string, Stored>();
  const requests: RecordedRequest[] = [];
  let faults: Fault[] = [];

  function takeFault(method: string, path: string): Fault | undefined {
    const i = faults.findIndex((f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)));
    if (i < 0) return undefined;
    const f = faults[i]!;
    const left = (f.times ?? 1) - 1;
    if (left <= 0) faults.splice(i, 1);
    else faults[i] = { ...f, times: left };
    return f;
  }

  function drawFault(method: string): Fault | undefined {
    const drawn = options.randomFaults;
    if (!drawn || method !== "POST" || drawn.random() >= drawn.rate) return undefined;
    const kinds = ["500", "lost", "timeout"] as const;
    return { kind: kinds[Math.min(2, Math.floor(drawn.random() * 3))]!, ...(drawn.delayMs === undefined ? {} : { delayMs: drawn.delayMs }) };
  }

  function send(res: ServerResponse, answer: Answer, headers: Record<string, string> = {}) {
    res.writeHead(answer.status, { "content-type": "application/json", "request-id": `req_${Math.random().toString(36).slice(2)}`, ...headers });
    res.end(JSON.stringify(answer.body));
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://double");
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/^\/v1/, "");
    const body = Buffer.concat(chunks).toString("utf8");
    const params = parseStripeForm(method === "POST" ? body : url.search.slice(1));
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const record: RecordedRequest = { method, path, params, idempotencyKey: key, outcome: "answered" };
    requests.push(record);

    if (req.headers.authorization !== `Bearer ${SECRET_KEY}`) {
      return send(res, { status: 401, body: { error: { type: "invalid_request_error", message: "Invalid API Key provided." } } });
    }
    const fault = takeFault(method, path) ?? drawFault(method);
    if (fault?.kind === "500" || fault?.kind === "429") {
      record.outcome = fault.kind;
      return fault.kind === "500"
        ? send(res, { status: 500, body: { error: { type: "api_error", message: "Something went wrong on Stripe's end." } } })
        : send(res, {
            status: 429,
            body: { error: { type: "invalid_request_error", code: "rate_limit", message: "Too many requests hit the API too quickly." } },
          });
    }

    let answer: Answer;
    let replayed = false;
    // Stripe's idempotency: keyed per account; the first answer is stored and replayed; other params → 400.
    const fingerprint = `${method} ${path} ${canonical(params)}`;
    const previous = key && method === "POST" ? stored.get(key) : undefined;
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        record.outcome = "idempotency_error";
        return send(res, {
          status: 400,
          body: {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          },
        });
      }
      answer = previous.answer;
      replayed = true;
      record.outcome = "replayed";
    } else {
      answer = handle(state, method, path, params);
      if (key && method === "POST") stored.set(key, { fingerprint, answer: structuredClone(answer) });
    }

    if (fault?.kind === "lost") {
      record.outcome = "lost";
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "timeout") {
      record.outcome = "timeout";
      await new Promise((r) => setTimeout(r, fault.delayMs ?? 2000));
      if (req.socket.destroyed) return;
    }
    send(res, answer, replayed ? { "idempotent-replayed": "true" } : {});
  }

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      send(res, { status: 500, body: { error: { type: "api_error", message: `double: ${String(error)}` } } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stripeForSigning = new Stripe(SECRET_KEY);

  return {
    url: `http://127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    get state() {
      return state;
    },
    requests,
    requestsTo: (path, method) => requests.filter((r) => path.test(r.path) && (!method || r.method === method)),
    fail: (fault) => void faults.push(fault),
    client: (options = {}) =>
      new Stripe(SECRET_KEY, {
        host: "127.0.0.1",
        port,
        protocol: "http",
        maxNetworkRetries: options.maxNetworkRetries ?? 0,
        timeout: options.timeout ?? 5000,
      }),
    signed(event, options = {}) {
      const body = JSON.stringify(event, null, 2);
      const signature = stripeForSigning.webhooks.generateTestHeaderString({
        payload: body,
        secret: options.secret ?? WEBHOOK_SECRET,
        timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
      });
      return { body, signature };
    },
    eventsOf: (type) => state.events.filter((e) => e.type === type),
    openDispute: (pi) => openDispute(state, state.paymentIntents.get(pi)!),
    closeDispute: (id, outcome) => closeDispute(state, id, outcome),
    reset() {
      state = new StripeState();
      stored = new Map();
      requests.length = 0;
      faults = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
