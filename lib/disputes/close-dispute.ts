import { eq } from "drizzle-orm";
import { CLOSED_DISPUTE_STATUSES, disputes, type DisputeRow } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadDispute } from "./load";
import { postDisputeWon } from "./postings";
import { serializeDispute } from "./serialize";

/**
 * The card network decided (system actor: Stripe's webhook, or the sandbox's test helper). Won: the
 * disputed amount comes back to the merchant (the fee does not, as at Stripe). Closing twice changes
 * nothing: a closed dispute never moves again.
 */
export async function closeDispute({ ctx, id, outcome }: { ctx: ServiceContext; id: string; outcome: "won" | "lost" | "warning_closed" }): Promise<DisputeRow> {
  return commit(ctx, async (tx, changes) => {
    const dispute = await loadDispute(tx, ctx, id, { lock: true });
    if (CLOSED_DISPUTE_STATUSES.includes(dispute.status)) return dispute;
    const [closed] = await tx.update(disputes).set({ status: outcome, closedAt: new Date() }).where(eq(disputes.id, id)).returning();
    if (outcome === "won") await postDisputeWon(tx, closed!);
    changes.audit({ action: "dispute.closed", targetType: "dispute", targetId: id, metadata: { status: outcome } });
    changes.event("dispute.closed", serializeDispute(closed!), { status: dispute.status });
    return closed!;
  });
}
