import type { z } from "zod";
import { getMember, memberContext, type Member } from "@/lib/http/session/session";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { serve } from "./core";
import { queryObject, readJsonBody } from "./read-body";
import { assertSameOriginJson } from "./same-origin";

/**
 * The adapter for the dashboard's own JSON endpoints (`/api/dashboard/**`): next-auth session →
 * same-origin JSON for writes (CSRF) → member context (role fresh from the database) → parsing → one
 * service verb. The request core (core.ts) does the rest.
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
  return (req: Request): Promise<Response> =>
    serve({ caller: "session", route: options.route }, req, async (call) => {
      const url = new URL(req.url);
      const member = await getMember();
      if (!member) throw new KassaError("not_signed_in", "Sign in to the dashboard first.");
      call.merchantId = member.merchantId;
      assertSameOriginJson(req);
      const ctx = { ...(await memberContext(member)), requestId: call.requestId };
      const raw = req.method === "GET" ? undefined : (await readJsonBody(req)).value;
      const body = (options.body ? parseWith(options.body, raw) : undefined) as never;
      const query = (options.query ? parseWith(options.query, queryObject(url)) : undefined) as never;
      // A handler may answer with its own Response (a streamed export); anything else is JSON.
      return handler({ req, url, ctx, member, body, query });
    });
}
