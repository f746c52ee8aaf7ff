import type { z } from "zod";
import { getMember, memberContext, type Member } from "@/lib/http/session/session";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { observeRequest } from "@/lib/metrics";
import { parseWith } from "@/lib/service/parse";
import { queryObject, readJsonBody } from "./read-body";
import { assertSameOriginJson } from "./same-origin";
import { errorBody, jsonResponse } from "./respond";

/**
 * The wrapper for the dashboard's own JSON endpoints (`/api/dashboard/**`): next-auth session →
 * same-origin JSON for writes (CSRF) → member context (role fresh from the database) → parsing → one
 * service verb → the error table.
 */
export function withSession<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: { route: string; body?: B; query?: Q },
  handler: (args: {
    req: Request;
    url: URL;
    ctx: ServiceContext;
    member: Member;
    body: B extends z.ZodType ? z.output<B> : undefined;
    query: Q extends z.ZodType ? z.output<Q> : undefined;
  }) => Promise<unknown>,
) {
  return async (req: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = newId("request");
    const url = new URL(req.url);
    let res: Response;
    try {
      const member = await getMember();
      if (!member) throw new KassaError("not_signed_in", "Sign in to the dashboard first.");
      assertSameOriginJson(req);
      const ctx = { ...(await memberContext(member)), requestId };
      const raw = req.method === "GET" ? undefined : (await readJsonBody(req)).value;
      const body = (options.body ? parseWith(options.body, raw) : undefined) as never;
      const query = (options.query ? parseWith(options.query, queryObject(url)) : undefined) as never;
      const result = await handler({ req, url, ctx, member, body, query });
      // A handler may answer with its own Response (a streamed export); anything else is JSON.
      res = result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      const mapped = errorBody(error, requestId);
      if (mapped.status >= 500) logger.error({ err: error, request_id: requestId, route: options.route }, "dashboard request failed");
      res = jsonResponse(mapped.body, mapped.status);
    }
    res.headers.set("Request-Id", requestId);
    observeRequest(options.route, req.method, res.status, (performance.now() - started) / 1000);
    return res;
  };
}
