import { and, asc, eq } from "drizzle-orm";
import { journalEntries, journalLines } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadDispute } from "./load";
import { serializeDispute } from "./serialize";

/**
 * One dispute for its dashboard page: the API object and the ledger lines it posted (the withdrawal of
 * amount and fee when it opened, the amount credited back if it was won). Scoped like every read.
 */
export async function getDisputeView({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "disputes:read");
  const db = await executor(ctx);
  const dispute = await loadDispute(db, ctx, id);
  const lines = await db
    .select({ entry: journalEntries.id, type: journalEntries.type, at: journalEntries.createdAt, account: journalLines.account, amount: journalLines.amount })
    .from(journalEntries)
    .innerJoin(journalLines, eq(journalLines.entryId, journalEntries.id))
    .where(
      and(
        eq(journalEntries.merchantId, ctx.merchantId),
        eq(journalEntries.livemode, ctx.livemode),
        eq(journalEntries.sourceType, "dispute"),
        eq(journalEntries.sourceId, id),
      ),
    )
    .orderBy(asc(journalEntries.id), asc(journalLines.position));
  return {
    dispute: serializeDispute(dispute),
    ledger: lines.map((l) => ({ entry: l.entry, type: l.type, account: l.account, amount: Number(l.amount), at: l.at.getTime() })),
  };
}
