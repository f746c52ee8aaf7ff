import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { disputes, type DisputeStatus } from "@/db/schema";
import { listParams, type ListResponse } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { loadDispute } from "./load";
import { serializeDispute, type DisputeObject } from "./serialize";

const ListByDueDateQuery = z.strictObject({ limit: listParams.limit, starting_after: listParams.starting_after, ending_before: listParams.ending_before });

/** The queue's order: disputes that need an answer, then those under review, then closed ones. */
export function disputeRank(status: DisputeStatus): 0 | 1 | 2 {
  if (status === "needs_response" || status === "warning_needs_response") return 0;
  if (status === "under_review" || status === "warning_under_review") return 1;
  return 2;
}

const rank = sql`(case when ${disputes.status} in ('needs_response', 'warning_needs_response') then 0 when ${disputes.status} in ('under_review', 'warning_under_review') then 1 else 2 end)`;

/**
 * The dashboard's dispute queue: the ones to answer first, by respond-by date (evidence_due_by
 * ascending), then under review, then closed. Keyset pages on (rank, evidence_due_by, id): a cursor is a
 * dispute id, as in the API's lists, so a page never skips or repeats a row while disputes change.
 */
export async function listDisputesByDueDate({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }): Promise<ListResponse<DisputeObject>> {
  requirePermission(ctx, "disputes:read");
  const q = parseWith(ListByDueDateQuery, input);
  if (q.starting_after && q.ending_before)
    throw new KassaError("parameter_invalid", "Use either starting_after or ending_before, not both.", { param: "ending_before" });
  const db = await executor(ctx);
  const backwards = Boolean(q.ending_before);
  let cursor: SQL | undefined;
  const cursorId = q.starting_after ?? q.ending_before;
  if (cursorId) {
    const at = await loadDispute(db, ctx, cursorId).catch((error: unknown) => {
      if (error instanceof KassaError)
        throw new KassaError("resource_missing", `No such dispute: '${cursorId}'`, { param: backwards ? "ending_before" : "starting_after" });
      throw error;
    });
    const key = sql`(${disputeRank(at.status)}::int, ${at.evidenceDueBy.toISOString()}::timestamptz, ${at.id}::text)`;
    cursor = backwards
      ? sql`(${rank}, ${disputes.evidenceDueBy}, ${disputes.id}) < ${key}`
      : sql`(${rank}, ${disputes.evidenceDueBy}, ${disputes.id}) > ${key}`;
  }
  const dir = backwards ? desc : asc;
  const rows = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.merchantId, ctx.merchantId), eq(disputes.livemode, ctx.livemode), cursor))
    .orderBy(dir(rank), dir(disputes.evidenceDueBy), dir(disputes.id))
    .limit(q.limit + 1);
  const has_more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  if (backwards) page.reverse();
  return { object: "list", data: page.map(serializeDispute), has_more, url };
}
