import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticationFailure, invalidRequest, paypalError, unprocessable, type Answer } from "./errors";
import { createOrder, getOrder, payerAction, payOrder, type PayerOutcome, type Result } from "./orders";
import { captureAuthorization, getAuthorization, getCapture, getRefund, refundCapture, voidAuthorization } from "./payments";
import { renderAuthorization, renderCapture, renderOrder, renderRefund, type Renderer } from "./render";
import { PayPalState, type Order } from "./state";
import { webhooks, type Webhooks } from "./webhooks";

export const CLIENT_ID = "double-client-id";
export const CLIENT_SECRET = "double-client-secret";

export type FaultKind = "500" | "503" | "429" | "lost" | "timeout";

export interface Fault {
  method?: string;
  /** Matched against the path (e.g. /v2/checkout/orders). Without a path a fault hits API calls, never the token endpoint. */
  path?: RegExp;
  kind: FaultKind;
  /** How many matching requests it hits (default 1). */
  times?: number;
  /** For `timeout`: how long the answer is held after the write (default 2 s). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  requestId: string | null;
  prefer: string | null;
  /** What the double did: answered, replayed a PayPal-Request-Id, refused a reused one, a 401, or a fault. */
  outcome: "answered" | "replayed" | "request_id_reused" | "unauthorized" | FaultKind;
  status: number | null;
}

export interface PayPalDouble {
  url: string;
  state: PayPalState;
  requests: RecordedRequest[];
  /** Requests to one path (regex), optionally one method. */
  requestsTo(path: RegExp, method?: string): RecordedRequest[];
  fail(fault: Fault): void;
  /** The payer on PayPal's pages (what GET /checkoutnow or the 3DS page does), without a browser. */
  payerAction(orderId: string, outcome: PayerOutcome): Order | null;
  /** Every access token issued so far is now invalid (expired or revoked): the next API call answers 401. */
  revokeTokens(): void;
  /** PayPal-Request-Id keys are kept for a while (6 h for Orders, 45 days for Payments); this forgets them all. */
  expireRequestIds(): void;
  /** Webhook events about the double's objects, signed deliveries of them, and the signature check PayPal answers (webhooks.ts). */
  webhooks: Webhooks;
  reset(): void;
  close(): Promise<void>;
}

interface Stored {
  fingerprint: string;
  status: number;
  resource: NonNullable<Result["resource"]> | null;
  answer: Answer;
}

/** Sorted keys, so the same JSON in another key order is the same request. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

const FAULT_ANSWERS: Record<"500" | "503" | "429", () => Answer> = {
  "500": () => paypalError(500, "INTERNAL_SERVER_ERROR"),
  "503": () => paypalError(503, "SERVICE_UNAVAILABLE"),
  "429": () => paypalError(429, "RATE_LIMIT_REACHED"),
};

/** Starts the PayPal REST double on a free loopback port. */
export async function startPayPalDouble(): Promise<PayPalDouble> {
  let state = new PayPalState();
  let stored = new Map<string, Stored>();
  const requests: RecordedRequest[] = [];
  let faults: Fault[] = [];
  const r: Renderer = {
    get state() {
      return state;
    },
    url: "",
  };
  const hooks = webhooks(r);

  function takeFault(method: string, path: string): Fault | undefined {
    const i = faults.findIndex((f) => (!f.method || f.method === method) && (f.path ? f.path.test(path) : path.startsWith("/v2/")));
    if (i < 0) return undefined;
    const f = faults[i]!;
    const left = (f.times ?? 1) - 1;
    if (left <= 0) faults.splice(i, 1);
    else faults[i] = { ...f, times: left };
    return f;
  }

  function send(res: ServerResponse, answer: Answer) {
    const headers: Record<string, string> = { ...(answer.headers ?? {}) };
    headers["paypal-debug-id"] ??= randomBytes(7).toString("hex").slice(0, 13);
    if (answer.body === undefined) {
      res.writeHead(answer.status, headers);
      return res.end();
    }
    res.writeHead(answer.status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(answer.body));
  }

  /** The current state of what a stored request made: PayPal answers a replay with "the latest status". */
  function rerender(resource: NonNullable<Result["resource"]>, status: number, representation: boolean): Answer {
    const body =
      resource.kind === "order"
        ? renderOrder(r, state.orders.get(resource.id)!, representation)
        : resource.kind === "authorization"
          ? renderAuthorization(r, state.authorizations.get(resource.id)!, false, representation)
          : resource.kind === "capture"
            ? renderCapture(r, state.captures.get(resource.id)!, false, representation)
            : renderRefund(r, state.refunds.get(resource.id)!, representation);
    return status === 204 ? { status } : { status, body };
  }

  function route(method: string, path: string, body: Record<string, unknown>, representation: boolean): Result {
    let m: RegExpExecArray | null;
    if (method === "POST" && path === "/v2/checkout/orders") return createOrder(r, body, representation);
    if ((m = /^\/v2\/checkout\/orders\/([A-Z0-9]+)$/.exec(path)) && method === "GET") return getOrder(r, m[1]!);
    if ((m = /^\/v2\/checkout\/orders\/([A-Z0-9]+)\/(authorize|capture)$/.exec(path)) && method === "POST") {
      return payOrder(r, m[1]!, m[2] === "authorize" ? "AUTHORIZE" : "CAPTURE", representation);
    }
    if ((m = /^\/v2\/payments\/authorizations\/([A-Z0-9]+)$/.exec(path)) && method === "GET") return getAuthorization(r, m[1]!);
    if ((m = /^\/v2\/payments\/authorizations\/([A-Z0-9]+)\/capture$/.exec(path)) && method === "POST")
      return captureAuthorization(r, m[1]!, body, representation);
    if ((m = /^\/v2\/payments\/authorizations\/([A-Z0-9]+)\/void$/.exec(path)) && method === "POST") return voidAuthorization(r, m[1]!, representation);
    if ((m = /^\/v2\/payments\/captures\/([A-Z0-9]+)$/.exec(path)) && method === "GET") return getCapture(r, m[1]!);
    if ((m = /^\/v2\/payments\/captures\/([A-Z0-9]+)\/refund$/.exec(path)) && method === "POST") return refundCapture(r, m[1]!, body, representation);
    if ((m = /^\/v2\/payments\/refunds\/([A-Z0-9]+)$/.exec(path)) && method === "GET") return getRefund(r, m[1]!);
    return {
      answer: paypalError(404, "RESOURCE_NOT_FOUND", [{ issue: "INVALID_RESOURCE_ID", description: `No route ${method} ${path} in the PayPal double.` }]),
    };
  }

  /** PayPal's payer pages, simulated: `?token=<order>&outcome=approve|cancel|decline_funding` (wallet) or `succeed|fail` (3DS). */
  function payerPage(url: URL, res: ServerResponse) {
    const token = url.searchParams.get("token") ?? "";
    const fallback = url.pathname === "/checkoutnow" ? "approve" : "succeed";
    const outcome = (url.searchParams.get("outcome") ?? fallback) as PayerOutcome;
    const done = payerAction(r, token, outcome);
    if (!done) return send(res, { status: 404, body: { error: "No order awaits the payer with this token." } });
    if (done.redirect) {
      res.writeHead(302, { location: done.redirect });
      return res.end();
    }
    send(res, { status: 200, body: { token, status: done.order.status } });
  }

  function token(req: IncomingMessage, raw: string, record: RecordedRequest): Answer {
    const expected = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`;
    if (req.headers.authorization !== expected) {
      record.outcome = "unauthorized";
      return { status: 401, body: { error: "invalid_client", error_description: "Client Authentication failed" } };
    }
    if (new URLSearchParams(raw).get("grant_type") !== "client_credentials") {
      return { status: 400, body: { error: "unsupported_grant_type", error_description: "Grant Type is NULL" } };
    }
    const accessToken = `A21AA${randomBytes(24).toString("base64url")}`;
    state.tokens.add(accessToken);
    return {
      status: 200,
      body: {
        scope: "https://uri.paypal.com/services/payments/payment/authcapture https://uri.paypal.com/services/payments/refund",
        access_token: accessToken,
        token_type: "Bearer",
        app_id: "APP-80W284485P519543T",
        expires_in: 32400,
        nonce: `${new Date().toISOString()}${randomBytes(8).toString("hex")}`,
      },
    };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://double");
    const method = req.method ?? "GET";
    const path = url.pathname;
    if (method === "GET" && (path === "/checkoutnow" || path === "/webapps/helios")) return payerPage(url, res);

    const requestId = (req.headers["paypal-request-id"] as string | undefined) ?? null;
    const prefer = (req.headers.prefer as string | undefined) ?? null;
    let body: Record<string, unknown> = {};
    const record: RecordedRequest = { method, path, body: null, requestId, prefer, outcome: "answered", status: null };
    requests.push(record);
    const answer = (a: Answer) => {
      record.status = a.status;
      send(res, a);
    };

    const fault = takeFault(method, path);
    if (fault && fault.kind !== "lost" && fault.kind !== "timeout") {
      record.outcome = fault.kind;
      return answer(FAULT_ANSWERS[fault.kind]());
    }
    if (method === "POST" && path === "/v1/oauth2/token") {
      record.body = Object.fromEntries(new URLSearchParams(raw));
      return answer(token(req, raw, record));
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer || !state.tokens.has(bearer)) {
      record.outcome = "unauthorized";
      return answer(authenticationFailure());
    }
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return answer(invalidRequest("MALFORMED_REQUEST_JSON", "The request JSON is not well formed."));
      }
    }
    record.body = body;
    if (method === "POST" && path === "/v1/notifications/verify-webhook-signature") return answer(hooks.verify(body));
    const representation = prefer?.includes("return=representation") ?? false;

    let out: Answer;
    const fingerprint = `${method} ${path} ${canonical(body)}`;
    const previous = method === "POST" && requestId ? stored.get(requestId) : undefined;
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        record.outcome = "request_id_reused";
        return answer(unprocessable("PAYPAL_REQUEST_ID_PREVIOUSLY_USED", "The PayPal-Request-Id has already been used for another request."));
      }
      record.outcome = "replayed";
      out = previous.resource ? rerender(previous.resource, previous.status, representation) : previous.answer;
    } else {
      const result = route(method, path, body, representation);
      out = result.answer;
      // Only what was done is kept: a refused request changed nothing, so sending it again is asked afresh.
      if (method === "POST" && requestId && out.status < 300) {
        stored.set(requestId, { fingerprint, status: out.status, resource: result.resource ?? null, answer: structuredClone(out) });
      }
    }

    if (fault?.kind === "lost") {
      record.outcome = "lost";
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "timeout") {
      record.outcome = "timeout";
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2000));
      if (req.socket.destroyed) return;
    }
    answer(out);
  }

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, paypalError(500, "INTERNAL_SERVER_ERROR", [{ issue: "DOUBLE_BUG", description: String(error) }]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  r.url = `http://127.0.0.1:${port}`;

  return {
    url: r.url,
    get state() {
      return state;
    },
    requests,
    requestsTo: (path, method) => requests.filter((q) => path.test(q.path) && (!method || q.method === method)),
    fail: (fault) => void faults.push(fault),
    payerAction: (orderId, outcome) => payerAction(r, orderId, outcome)?.order ?? null,
    revokeTokens: () => state.tokens.clear(),
    expireRequestIds: () => void (stored = new Map()),
    webhooks: hooks,
    reset() {
      // Issued access tokens survive a reset (a client keeps its token across tests, as against PayPal).
      const tokens = state.tokens;
      state = new PayPalState();
      state.tokens = tokens;
      stored = new Map();
      requests.length = 0;
      faults = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
