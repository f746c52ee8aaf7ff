// What every API spec needs: the bearer header, and answers checked for their status and error code.
import { expect, type APIResponse } from "@playwright/test";
import type { seedMerchant } from "./db";

export type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

export const auth = (key: string, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${key}`, ...extra });

/**
 * The answer is `status` with `error.code` = `code`. `expected` is the error's `param` (a string) or
 * fields the error must have (an object). Returns the error object for further checks.
 */
export async function expectError(res: APIResponse, status: number, code: string, expected: string | Record<string, unknown> = {}) {
  const body = (await res.json()) as { error: Record<string, unknown> };
  expect(res.status(), JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error).toMatchObject(typeof expected === "string" ? { param: expected } : expected);
  // Every error names its request, in the body and in the Request-Id header alike (a replay's body is the
  // first answer's, byte for byte, so it names the first request).
  expect(body.error.request_id).toMatch(/^req_/);
  if (res.headers()["idempotent-replayed"] !== "true") expect(res.headers()["request-id"]).toBe(body.error.request_id);
  return body.error;
}

/** A 200 answer's body. */
export async function ok<T = Record<string, unknown>>(res: APIResponse): Promise<T> {
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(200);
  return body as T;
}
