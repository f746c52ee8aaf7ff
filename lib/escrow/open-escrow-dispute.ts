import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { loadPayment } from "@/lib/payments/load-payment";
import { serializePayment, type PaymentObject } from "@/lib/payments/serialize-payment";
import { OpenEscrowDisputeInput } from "./inputs";
import { escrowStateError } from "./release-in";
import { saveEscrow } from "./postings";

/**
 * POST /api/v1/payments/:id/escrow_dispute — the platform holding the buyer relationship disputes a held
 * escrow inside its window (strictly before dispute_window_ends_at): the timelock no longer releases it
 * until the dispute is resolved (resolve-escrow-dispute.ts). Needs escrow:dispute (the merchant's secret
 * key, or a restricted key granted escrow: dispute). `now` is for tests on a fixed clock.
 */
export async function openEscrowDispute({
  ctx,
  id,
  input,
  now = new Date(),
}: {
  ctx: ServiceContext;
  id: string;
  input: unknown;
  now?: Date;
}): Promise<PaymentObject> {
  requirePermission(ctx, "escrow:dispute");
  const data = parseWith(OpenEscrowDisputeInput, input ?? {});
  return commit(
    ctx,
    async (tx, changes) => {
      const payment = await loadPayment(tx, ctx, id, { lock: true });
      const refused = escrowStateError(payment, "dispute");
      if (refused) throw refused;
      const escrow = payment.escrow!;
      if (now.getTime() >= new Date(escrow.disputeWindowEndsAt!).getTime()) {
        throw new KassaError(
          "escrow_dispute_window_closed",
          `The dispute window of payment ${payment.id}'s escrow ended at ${escrow.disputeWindowEndsAt}; it can no longer be disputed.`,
        );
      }
      const dispute = { reason: data.reason, openedAt: now.toISOString(), resolution: null, resolvedAt: null };
      await saveEscrow(tx, payment, { ...escrow, status: "disputed", dispute });
      changes.audit({ action: "escrow.disputed", targetType: "payment", targetId: payment.id, metadata: { reason: data.reason } });
      changes.event("escrow.disputed", serializePayment(payment), { escrow: { status: escrow.status } });
      return serializePayment(payment);
    },
    { respond: (p) => p },
  );
}
