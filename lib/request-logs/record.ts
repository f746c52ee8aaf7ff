import { Counter } from "prom-client";
import { getDatabaseHandle } from "@/db/client";
import type { NewRequestLog } from "@/db/schema/request-logs";
import { sharedCounter } from "@/lib/metrics";
import { logger } from "@/lib/logger";
import { RequestLogBuffer } from "./buffer";
import { writeRequestLogs } from "./write-rows";
import { objectIdsOf } from "./object-ids";
import { cut, redactParsed, redactText, redactValue } from "./redact";

/** What the API adapter (lib/http/with-api-key.ts) knows of a call for its log line. */
export interface RequestLogFields {
  livemode: boolean;
  apiKeyId: string;
  apiKeyPrefix: string;
  idempotencyKey: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The parsed request body (undefined for a GET or an unreadable body). */
  requestBody?: unknown;
}

export interface FinishedCall {
  requestId: string;
  merchantId: string;
  method: string;
  path: string;
  route: string;
  status: number;
  latencyMs: number;
  fields: RequestLogFields;
  /** The JSON text answered (null for a body-less answer). */
  responseText: string | null;
}

/**
 * KASSA_BENCH_SKIP_REQUEST_LOG=1 (read at load) leaves test-mode calls unlogged so `npm run bench` can
 * measure what logging costs; live-mode calls are logged whatever it says.
 */
const skipInTestMode = process.env.KASSA_BENCH_SKIP_REQUEST_LOG === "1";

export function requestLogSkipped(livemode: boolean): boolean {
  return skipInTestMode && !livemode;
}

function parse(text: string | null): { ok: boolean; value: unknown } {
  if (!text) return { ok: false, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}

/** The row for a finished call: bodies redacted (lib/request-logs/redact.ts) and capped before anything queues them. */
export function requestLogRow(call: FinishedCall): NewRequestLog {
  const { fields } = call;
  const request = redactParsed(fields.requestBody);
  const parsed = parse(call.responseText);
  const response = parsed.ok
    ? cut(JSON.stringify(redactValue(parsed.value)))
    : call.responseText
      ? cut(redactText(call.responseText))
      : { text: null, truncated: false };
  return {
    id: call.requestId,
    merchantId: call.merchantId,
    livemode: fields.livemode,
    method: call.method,
    path: redactText(call.path).slice(0, 2048),
    route: call.route,
    status: call.status,
    apiKeyId: fields.apiKeyId,
    apiKeyPrefix: fields.apiKeyPrefix,
    idempotencyKey: fields.idempotencyKey ? redactText(fields.idempotencyKey).slice(0, 255) : null,
    latencyMs: Math.max(0, Math.round(call.latencyMs)),
    ip: fields.ip,
    userAgent: fields.userAgent ? fields.userAgent.slice(0, 512) : null,
    requestBody: request.text,
    requestBodyTruncated: request.truncated,
    responseBody: response.text,
    responseBodyTruncated: response.truncated,
    objectIds: objectIdsOf(call.path, fields.requestBody, parsed.value),
    createdAt: new Date(Date.now() - Math.round(call.latencyMs)),
  };
}

// One buffer per process, shared by every bundle of the app (like the metrics registry and the database handle).
const GLOBAL_KEY = Symbol.for("kassa.requestLogBuffer");
type G = typeof globalThis & { [GLOBAL_KEY]?: RequestLogBuffer };

async function writeRows(rows: NewRequestLog[]): Promise<void> {
  // A statement of its own on the pool (never a request's transaction); a replayed id is written once.
  const { db } = await getDatabaseHandle();
  await writeRequestLogs(db, rows);
}

function dropCounter(): Counter<"reason"> {
  return sharedCounter("kassa_request_logs_dropped_total", "Request log rows not written: the queue was full (overflow) or their write failed", ["reason"]);
}

/** On SIGTERM/SIGINT: write what is queued. When nobody else handles the signal, exit as it asked. */
function flushOnShutdown(buffer: RequestLogBuffer): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const onSignal = () => {
      const alone = process.listenerCount(signal) === 1;
      buffer
        .close()
        .catch((err: unknown) => logger.warn({ err }, "request logs not flushed at shutdown"))
        .finally(() => {
          if (!alone) return;
          process.removeListener(signal, onSignal);
          process.kill(process.pid, signal);
        });
    };
    process.on(signal, onSignal);
  }
}

export function requestLogBuffer(): RequestLogBuffer {
  const g = globalThis as G;
  if (!g[GLOBAL_KEY]) {
    const dropped = dropCounter();
    const buffer = new RequestLogBuffer({
      write: writeRows,
      batchRows: Number(process.env.KASSA_REQUEST_LOG_BATCH ?? 200),
      intervalMs: Number(process.env.KASSA_REQUEST_LOG_FLUSH_MS ?? 200),
      capacity: Number(process.env.KASSA_REQUEST_LOG_CAPACITY ?? 10_000),
      onDrop: (reason, rows) => dropped.inc({ reason }, rows),
    });
    flushOnShutdown(buffer);
    g[GLOBAL_KEY] = buffer;
  }
  return g[GLOBAL_KEY];
}

/** Logs a finished /api/v1 call: synchronous, never throws into the request. */
export function recordRequest(call: FinishedCall): void {
  if (requestLogSkipped(call.fields.livemode)) return;
  try {
    requestLogBuffer().enqueue(requestLogRow(call));
  } catch (err) {
    logger.warn({ err, request_id: call.requestId }, "request log not queued");
  }
}

/** Writes every queued log now (tests; the retention job's neighbours). */
export function flushRequestLogs(): Promise<void> {
  const g = globalThis as G;
  return g[GLOBAL_KEY]?.flush() ?? Promise.resolve();
}
