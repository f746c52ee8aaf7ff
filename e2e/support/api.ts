// What every API spec needs: the typed client (clients/typescript) for a key, Playwright's `test` whose
// `request` fixture checks every /api/v1 answer against the OpenAPI document too (for the calls the typed
// client cannot express: broken JSON, wrong content types, oversized bodies), and answers checked for
// their status and error code.
import { test as base, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { createKassaClient, type KassaClient, type Middleware, type paths } from "@/clients/typescript";
import { checkResponse, parseJson, serverContract, type Contract } from "./contract";
import type { seedMerchant } from "./db";

export type Merchant = Awaited<ReturnType<typeof seedMerchant>>;

/** The server under test (playwright.config.ts's baseURL). */
export const baseURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

export const auth = (key: string, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${key}`, ...extra });

const contract = () => serverContract(baseURL);

/** Checks every answer the typed client receives; an answer the document does not describe fails the call. */
const contractCheck: Middleware = {
  async onResponse({ request, response }) {
    await checkResponse(await contract(), request.method, response);
  },
};

/** The typed API client acting with `key` (none: an unauthenticated caller), every answer checked against the document. */
export function kassa(key?: string, headers: Record<string, string> = {}): KassaClient {
  return kassaAt(baseURL, key, headers);
}

/** The same client against another instance of the app (a second `next start` on the same database). */
export function kassaAt(url: string, key?: string, headers: Record<string, string> = {}): KassaClient {
  return createKassaClient({ baseUrl: url, apiKey: key, headers, middleware: [contractCheck] });
}

/** An APIRequestContext whose /api/v1 answers are checked against the document as they arrive. */
export function checkedRequest(request: APIRequestContext): APIRequestContext {
  const check = async (method: string, res: APIResponse) => {
    const url = new URL(res.url());
    if (!url.pathname.startsWith("/api/v1/") || method === "HEAD" || method === "OPTIONS") return res;
    const text = (await res.body()).toString("utf8");
    const answer = {
      method,
      path: url.pathname,
      status: res.status(),
      body: text === "" ? undefined : parseJson(text, `${method} ${url.pathname} → ${res.status()}`),
      contentType: res.headers()["content-type"],
    };
    (await contract()).assert(answer);
    return res;
  };
  const verbs: Record<string, string> = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE", head: "HEAD" };
  return new Proxy(request, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || typeof value !== "function") return value;
      if (property in verbs)
        return async (url: string, options?: object) =>
          check(verbs[property]!, await (value as (u: string, o?: object) => Promise<APIResponse>).call(target, url, options));
      if (property === "fetch")
        return async (url: string, options?: { method?: string }) =>
          check((options?.method ?? "GET").toUpperCase(), await (value as (u: string, o?: object) => Promise<APIResponse>).call(target, url, options));
      return value.bind(target);
    },
  });
}

/** The JSON body an operation takes, e.g. `BodyOf<"/api/v1/payments", "post">`. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { "application/json": infer B } } }
  ? B
  : never;

/** The api project's `test`: `request` checks every /api/v1 answer against the OpenAPI document. */
export const test = base.extend({
  request: async ({ request }, provide) => {
    await provide(checkedRequest(request));
  },
});
export { expect };

/** An answer from the typed client or from `request`. */
type ClientResult = { data?: unknown; error?: unknown; response: Response };
type Answer = APIResponse | ClientResult;
type DataOf<R> = R extends ClientResult ? NonNullable<R["data"]> : Record<string, unknown>;

const isClientResult = (res: Answer): res is ClientResult => "response" in res && res.response instanceof Response;

async function read(res: Answer): Promise<{ status: number; body: unknown; header: (name: string) => string | undefined }> {
  if (isClientResult(res))
    return { status: res.response.status, body: res.response.ok ? res.data : res.error, header: (name) => res.response.headers.get(name) ?? undefined };
  const headers = res.headers();
  return { status: res.status(), body: await res.json(), header: (name) => headers[name.toLowerCase()] };
}

/**
 * The answer is `status` with `error.code` = `code`. `expected` is the error's `param` (a string) or
 * fields the error must have (an object). Returns the error object for further checks.
 */
export async function expectError(res: Answer, status: number, code: string, expected: string | Record<string, unknown> = {}) {
  const answer = await read(res);
  const body = answer.body as { error: Record<string, unknown> };
  expect(answer.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error).toMatchObject(typeof expected === "string" ? { param: expected } : expected);
  // Every error names its request, in the body and in the Request-Id header alike (a replay's body is the
  // first answer's, byte for byte, so it names the first request).
  expect(body.error.request_id).toMatch(/^req_/);
  if (answer.header("idempotent-replayed") !== "true") expect(answer.header("request-id")).toBe(body.error.request_id);
  return body.error;
}

/** A 200 answer's body: the typed client's `data` (or `T` when given), a raw answer's JSON. */
export async function ok<T = never, R extends Answer = Answer>(res: R): Promise<[T] extends [never] ? DataOf<R> : T> {
  const answer = await read(res);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as [T] extends [never] ? DataOf<R> : T;
}

/** The document the server under test serves, compiled (for specs that look at it directly). */
export const apiContract = (): Promise<Contract> => contract();
