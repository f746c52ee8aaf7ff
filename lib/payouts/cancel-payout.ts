import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { loadPayout } from "./load-payout";
import { returnPayout } from "./return-payout";
import { serializePayout, type PayoutObject } from "./serialize-payout";

/**
 * POST /api/v1/payouts/:id/cancel — only a pending payout not yet handed to the bank (the send claims it
 * under the same row lock first), as Stripe allows only pending ones. Its amount returns to available.
 */
export async function cancelPayout({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PayoutObject> {
  requirePermission(ctx, "payouts:write");
  return commit(
    ctx,
    async (tx, changes) => {
      const payout = await loadPayout(tx, ctx, id, { lock: true });
      if (payout.status !== "pending" || payout.sentAt) {
        throw new KassaError(
          "payout_unexpected_state",
          payout.status === "pending"
            ? `Payout ${id} has already been submitted to the bank and can no longer be canceled.`
            : `Payout ${id} is ${payout.status}; only a pending payout can be canceled.`,
          { param: "id" },
        );
      }
      const canceled = await returnPayout(tx, payout, { kind: "cancel", at: new Date() });
      const object = serializePayout(canceled);
      changes.audit({ action: "payout.canceled", targetType: "payout", targetId: id, metadata: { amount: Number(payout.amount), currency: payout.currency } });
      changes.event("payout.canceled", object, { status: "pending" });
      return object;
    },
    { respond: (p) => p },
  );
}
