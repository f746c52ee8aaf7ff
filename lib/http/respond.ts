import { toJson } from "@/lib/service/json";

export { toJson };

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

export { errorBody, type ErrorBody } from "@/lib/service/error-codes";
