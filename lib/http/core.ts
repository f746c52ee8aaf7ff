import { unstable_rethrow } from "next/navigation";
import { errorBody, type ErrorBody } from "@/lib/service/error-codes";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { observeRequest } from "@/lib/metrics";
import { recordRequest, type RequestLogFields } from "@/lib/request-logs/record";
import { jsonTextResponse, toJson } from "./respond";

/**
 * The request core: the one place that gives every call a request id, times it, maps an error to its
 * status and body (lib/service/error-codes.ts), logs it with one set of field names and counts it in the
 * metrics. Adapters (`with-*.ts`, `session/action.ts`, checkout and sign-in actions) only authenticate
 * and hand a typed context to one service verb.
 */

export type CallerKind = "api_key" | "session" | "cron" | "stripe" | "paypal" | "upi_psp" | "workflow_engine" | "public";

export interface Call {
  requestId: string;
  /** Headers every answer carries, error or not (rate limits, Retry-After). */
  headers: Headers;
  /** The merchant the call turned out to be for, once known (logged). */
  merchantId?: string;
  /** Set by an adapter whose calls go to the request logs (withApiKey): the key, the body, the Idempotency-Key. */
  log?: RequestLogFields;
  /** The JSON text answered, when the adapter serialised it (for the request log, not serialised twice). */
  responseText?: string | null;
}

export interface CallMeta {
  caller: CallerKind;
  /** Route template for metrics and logs, e.g. "/api/v1/payments/:id", or an action's name. */
  route: string;
}

function newCall(): Call {
  return { requestId: newId("request"), headers: new Headers() };
}

/** One log line and one metric per call. Successes of an integrator's call are info; the dashboard's own chatter is debug. */
function observe(meta: CallMeta, method: string, call: Call, status: number, started: number, error?: unknown): void {
  const seconds = (performance.now() - started) / 1000;
  observeRequest(meta.route, method, status, seconds);
  const fields = {
    request_id: call.requestId,
    caller: meta.caller,
    route: meta.route,
    method,
    status,
    ms: Math.round(seconds * 1000),
    merchant: call.merchantId,
  };
  if (status >= 500 && status !== 499) logger.error({ ...fields, err: error }, "request failed");
  else if (meta.caller === "api_key" || status >= 400) logger.info(fields, "request");
  else logger.debug(fields, "request");
}

function aborted(req: Request, error: unknown): boolean {
  return req.signal?.aborted === true || (error instanceof Error && error.message === "aborted");
}

/** Headers of a Response may be immutable (a redirect, another library's answer): copy it then. */
function withHeaders(res: Response, call: Call): Response {
  const extra: [string, string][] = [...call.headers.entries(), ["Request-Id", call.requestId]];
  try {
    for (const [k, v] of extra) res.headers.set(k, v);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    for (const [k, v] of extra) copy.headers.set(k, v);
    return copy;
  }
}

/**
 * An HTTP request: `run` answers with a Response, or with a value sent as JSON (200). A thrown error
 * becomes its status and `{ error: { type, code, message, param?, request_id } }`; a client that went
 * away gets 499 with no body.
 */
export async function serve(meta: CallMeta, req: Request, run: (call: Call) => Promise<unknown>): Promise<Response> {
  const started = performance.now();
  const call = newCall();
  let res: Response;
  let failure: unknown;
  try {
    const out = await run(call);
    if (out instanceof Response) res = out;
    else {
      call.responseText = toJson(out);
      res = jsonTextResponse(call.responseText);
    }
  } catch (error) {
    failure = error;
    if (aborted(req, error)) {
      res = new Response(null, { status: 499 });
    } else {
      const mapped = errorBody(error, call.requestId);
      if (error instanceof KassaError && error.retryAfter) call.headers.set("Retry-After", String(error.retryAfter));
      call.responseText = toJson(mapped.body);
      res = jsonTextResponse(call.responseText, mapped.status);
    }
  }
  // Server time, for integrators' own latency breakdowns and for the bench (the replay's target is server time).
  call.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(1)}`);
  res = withHeaders(res, call);
  observe(meta, req.method, call, res.status, started, failure);
  if (call.log && call.merchantId) {
    // Queued, never awaited: the log costs this request no round trip (lib/request-logs/buffer.ts).
    const latencyMs = performance.now() - started;
    const path = new URL(req.url).pathname;
    const { requestId, merchantId, log: fields } = call;
    recordRequest({
      requestId,
      merchantId,
      method: req.method,
      path,
      route: meta.route,
      status: res.status,
      latencyMs,
      fields,
      responseText: call.responseText ?? null,
    });
  }
  return res;
}

export type Settled<T> = { ok: true; value: T; requestId: string } | { ok: false; requestId: string; status: number; error: ErrorBody["error"] };

/**
 * A server action: the same id, timing, mapping, logging and metrics, answered as a value the form can
 * show. Next's own control flow (redirect, notFound) passes through.
 */
export async function settle<T>(meta: CallMeta, run: (call: Call) => Promise<T>): Promise<Settled<T>> {
  const started = performance.now();
  const call = newCall();
  try {
    const value = await run(call);
    observe(meta, "ACTION", call, 200, started);
    return { ok: true, value, requestId: call.requestId };
  } catch (error) {
    try {
      unstable_rethrow(error);
    } catch (control) {
      observe(meta, "ACTION", call, 303, started);
      throw control;
    }
    const mapped = errorBody(error, call.requestId);
    observe(meta, "ACTION", call, mapped.status, started, error);
    return { ok: false, requestId: call.requestId, status: mapped.status, error: mapped.body.error };
  }
}
