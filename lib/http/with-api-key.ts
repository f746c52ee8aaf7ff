import type { z } from "zod";
import type { ApiKey } from "@/db/schema";
import { getDb } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { apiKeyCache } from "@/lib/api-keys/key-cache";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { clientIp } from "@/lib/http/client-ip";
import { apiRateLimiter, type RateLimitResult } from "@/lib/rate-limit";
import { runIdempotent } from "./idempotent-request";
import { parseWith } from "@/lib/service/parse";
import { queryObject, readJsonBody } from "./read-body";
import { serve } from "./core";
import { jsonTextResponse, toJson } from "./respond";
import type { OperationKey } from "@/lib/openapi/operations";

export interface ApiContext extends ServiceContext {
  requestId: string;
  apiKey: ApiKey;
}

type RouteParams = Record<string, string | string[] | undefined>;

/** A registry entry (lib/openapi/operations.ts: `operation("GET /api/v1/events/:id")`): a route exists only with its entry. */
interface Options<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  key: OperationKey;
  /** Route template for metrics and logs, e.g. "/api/v1/events/:id". */
  route: string;
  body?: B;
  query?: Q;
  /** Whether an Idempotency-Key header is honoured (replays the stored answer). */
  idempotent: boolean;
}

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiHandlerArgs<B, Q> {
  req: Request;
  url: URL;
  ctx: ApiContext;
  body: B;
  query: Q;
  params: RouteParams;
}

/**
 * The adapter for integrators' calls: key → rate limit → body and query parsing → idempotency → the
 * handler's one service verb; the request core (core.ts) does id, errors, logs and metrics. Handlers
 * return the object.
 */
export function withApiKey<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: Options<B, Q>,
  handler: (args: ApiHandlerArgs<Infer<B>, Infer<Q>>) => Promise<unknown>,
) {
  return (req: Request, routeCtx?: { params?: Promise<RouteParams> }): Promise<Response> =>
    serve({ caller: "api_key", route: options.route }, req, async (call) => {
      const { requestId, headers } = call;
      const url = new URL(req.url);
      const db = await getDb();
      const apiKey = await authenticateApiKey(db, req.headers.get("authorization"), { cache: await apiKeyCache() });
      call.merchantId = apiKey.merchantId;
      const ip = clientIp(req.headers);
      // The request log's fields (lib/request-logs): the key by id and prefix only.
      const [idem, userAgent] = [req.headers.get("idempotency-key"), req.headers.get("user-agent")];
      call.log = { livemode: apiKey.livemode, apiKeyId: apiKey.id, apiKeyPrefix: apiKey.displayPrefix, idempotencyKey: idem, ip, userAgent };

      const limit = await apiRateLimiter().limit(apiKey.id);
      setRateLimitHeaders(headers, limit);
      if (!limit.success) {
        const retryAfter = Math.max(1, Math.ceil((limit.reset - Date.now()) / 1000));
        headers.set("Retry-After", String(retryAfter));
        throw new KassaError("rate_limited", "Too many requests hit the API too quickly. Retry after the time in Retry-After.");
      }

      const ctx: ApiContext = {
        merchantId: apiKey.merchantId,
        livemode: apiKey.livemode,
        actor: { type: "api_key", id: apiKey.id, label: apiKey.displayPrefix },
        // A member's key acts with the member's current role (lib/service/roles.ts).
        ...(apiKey.creatorRole ? { role: apiKey.creatorRole } : {}),
        ...(apiKey.kind === "restricted" ? { keyPermissions: apiKey.permissions ?? {} } : {}),
        requestId,
        ip,
        apiKey,
      };
      const isWrite = req.method !== "GET" && req.method !== "HEAD";
      const { value: rawBody } = isWrite ? await readJsonBody(req) : { value: undefined };
      call.log.requestBody = rawBody;
      const body = (options.body ? parseWith(options.body, rawBody) : undefined) as Infer<B>;
      if (isWrite && !options.body && rawBody && Object.keys(rawBody as object).length > 0) {
        const first = Object.keys(rawBody as object)[0]!;
        throw new KassaError("parameter_unknown", `Received unknown parameter: ${first}`, { param: first });
      }
      const query = (options.query ? parseWith(options.query, queryObject(url)) : undefined) as Infer<Q>;
      const params = (await routeCtx?.params) ?? {};

      const idempotencyKey = options.idempotent ? req.headers.get("idempotency-key") : null;
      if (idempotencyKey === null) {
        call.responseText = toJson(await handler({ req, url, ctx, body, query, params }));
        return jsonTextResponse(call.responseText);
      }

      const answer = await runIdempotent({ db, ctx, key: idempotencyKey, method: req.method, path: url.pathname, body: rawBody }, (held) =>
        handler({ req, url, ctx: { ...ctx, ...held }, body, query, params }),
      );
      if (answer.replayed) headers.set("Idempotent-Replayed", "true");
      call.responseText = answer.text;
      return jsonTextResponse(answer.text, answer.status);
    });
}

function setRateLimitHeaders(headers: Headers, limit: RateLimitResult): void {
  headers.set("RateLimit-Limit", String(limit.limit));
  headers.set("RateLimit-Remaining", String(limit.remaining));
  headers.set("RateLimit-Reset", String(Math.max(0, Math.ceil((limit.reset - Date.now()) / 1000))));
}
