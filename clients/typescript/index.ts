// Kassa's typed API client: openapi-fetch over the types generated from the OpenAPI document
// (schema.d.ts, `npm run api:client`). Paths, bodies, query parameters and answers are typed per operation:
//   const kassa = createKassaClient({ baseUrl: "https://kassa.example", apiKey: "sk_test_…" });
//   const { data, error } = await kassa.POST("/api/v1/payments", { body: { amount: 4200, currency: "usd" }, headers: { "Idempotency-Key": key } });
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

export type { paths, components, operations } from "./schema";
export type { Middleware } from "openapi-fetch";

export interface KassaClientOptions {
  /** The server's origin, e.g. "https://kassa.example" (the document's paths start with /api/v1). */
  baseUrl: string;
  /** A secret (sk_…), restricted (rk_…) or publishable (pk_…) key, sent as `Authorization: Bearer`. */
  apiKey?: string;
  /** A fetch of your own (tests, proxies); the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every call; per call, pass `headers` (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
  /** openapi-fetch middleware, in order (e.g. logging, response checks). */
  middleware?: Middleware[];
}

export type KassaClient = Client<paths>;

export function createKassaClient({ baseUrl, apiKey, fetch, headers, middleware = [] }: KassaClientOptions): KassaClient {
  const client = createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    ...(fetch ? { fetch } : {}),
    headers: { ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}), ...headers },
  });
  if (middleware.length > 0) client.use(...middleware);
  return client;
}
