import { ERROR_CODES, type ErrorCode } from "./error-codes";
import { KassaError } from "@/lib/errors";

/** JSON with bigint amounts written as numbers (they are bounded well under 2^53). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? Number(v) : v));
}

export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return jsonTextResponse(toJson(body), status, headers);
}

/** A response of JSON already serialised (an idempotent replay's stored text). */
export function jsonTextResponse(text: string, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("Content-Type", "application/json; charset=utf-8");
  h.set("Cache-Control", "no-store");
  return new Response(text, { status, headers: h });
}

export interface ErrorBody {
  error: {
    type: string;
    code: ErrorCode;
    message: string;
    param?: string;
    decline_code?: string;
    request_id: string;
  };
}

/** The one place an error becomes a body; unknown errors never show their internals. */
export function errorBody(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  const known = error instanceof KassaError ? error : null;
  const code: ErrorCode = known?.code ?? "api_error";
  const entry = ERROR_CODES[code];
  const body: ErrorBody = {
    error: {
      type: entry.type,
      code,
      message: known?.message ?? "An unexpected error occurred. Quote the request id when you contact support.",
      request_id: requestId,
    },
  };
  if (known?.param) body.error.param = known.param;
  if (known?.declineCode) body.error.decline_code = known.declineCode;
  return { status: entry.status, body };
}
