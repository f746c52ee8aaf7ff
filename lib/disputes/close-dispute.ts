import { eq } from "drizzle-orm";
import { CLOSED_DISPUTE_STATUSES, disputes, type DisputeRow } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { emitEvent } from "@/lib/events/emit-event";
import { loadDispute } from "./load";
import { postDisputeWon } from "./postings";
import { serializeDispute } from "./serialize";

/**
 * The card network decided (system actor: Stripe's webhook, or the sandbox's test helper). Won: the
 * disputed amount comes back to the merchant (the fee does not, as at Stripe). Closing twice changes
 * nothing: a closed dispute never moves again.
 */
export async function closeDispute({ ctx, id, outcome }: { ctx: ServiceContext; id: string; outcome: "won" | "lost" | "warning_closed" }): Promise<DisputeRow> {
  return withTransaction(ctx, async (tx) => {
    const dispute = await loadDispute(tx, ctx, id, { lock: true });
    if (CLOSED_DISPUTE_STATUSES.includes(dispute.status)) return dispute;
    const [closed] = await tx.update(disputes).set({ status: outcome, closedAt: new Date() }).where(eq(disputes.id, id)).returning();
    if (outcome === "won") await postDisputeWon(tx, closed!);
    await writeAudit(tx, ctx, { action: "dispute.closed", targetType: "dispute", targetId: id, metadata: { status: outcome } });
    await emitEvent(tx, ctx, "dispute.closed", serializeDispute(closed!), { status: dispute.status });
    return closed!;
  });
}
