import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { reviews } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import type { ListResponse } from "@/lib/service/pagination";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";
import { loadReview } from "./load-review";
import { serializeReview, type ReviewObject } from "./serialize-review";

export const ListReviewsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z.string().min(1).max(255).optional(),
  open: z.enum(["true", "false"]).default("true"),
});

/**
 * GET /api/v1/reviews — the open reviews by default (`open=false`: the closed ones), riskiest first (risk_score
 * desc, then newest), in pages: `starting_after` a review id from the previous page (a keyset on (risk_score, id)).
 */
export async function listReviews({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }): Promise<ListResponse<ReviewObject>> {
  requirePermission(ctx, "radar:read");
  const q = parseWith(ListReviewsQuery, input ?? {});
  const db = await executor(ctx);
  let cursor;
  if (q.starting_after) {
    const noCursor = new KassaError("resource_missing", `No such review: '${q.starting_after}'`, { param: "starting_after" });
    if (!isId("review", q.starting_after)) throw noCursor;
    const after = await loadReview(db, ctx, q.starting_after).catch(() => {
      throw noCursor;
    });
    cursor = or(lt(reviews.riskScore, after.riskScore), and(eq(reviews.riskScore, after.riskScore), lt(reviews.id, after.id)));
  }
  const rows = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.merchantId, ctx.merchantId), eq(reviews.livemode, ctx.livemode), eq(reviews.open, q.open === "true" ? 1 : 0), cursor))
    .orderBy(desc(reviews.riskScore), desc(reviews.id))
    .limit(q.limit + 1);
  return { object: "list", data: rows.slice(0, q.limit).map(serializeReview), has_more: rows.length > q.limit, url };
}
