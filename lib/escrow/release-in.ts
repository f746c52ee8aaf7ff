import type { Transaction } from "@/db/client";
import type { PaymentRow } from "@/db/schema";
import type { EscrowResolution } from "@/db/schema/escrow";
import type { Changes } from "@/lib/service/commit";
import { KassaError } from "@/lib/service/errors";
import { serializePayment } from "@/lib/payments/serialize-payment";
import { postEscrowRelease, saveEscrow } from "./postings";

export type ReleaseReason = "timelock" | "early" | "dispute_resolved";

/** Why the escrow of this (locked) payment cannot be released or disputed now, if it cannot. */
export function escrowStateError(payment: PaymentRow, action: "release" | "dispute"): KassaError | null {
  const e = payment.escrow;
  if (payment.crypto?.escrow) {
    // The contract decides: it releases only after its timelock, and only the payer's own wallet disputes.
    return new KassaError(
      "payment_method_unsupported",
      action === "release"
        ? `Payment ${payment.id}'s escrow is on chain: the contract releases it at its timelock (Kassa sends the release), never earlier.`
        : `Payment ${payment.id}'s escrow is on chain: its payer disputes it from the paying address (dispute(${payment.crypto.escrow.deposit_id ?? "id"}) on ${payment.crypto.escrow.contract ?? "the escrow contract"}); Kassa follows the contract.`,
    );
  }
  if (!e) return new KassaError("payment_not_escrowed", `Payment ${payment.id} was not created with escrow.`);
  switch (e.status) {
    case "pending":
      return new KassaError("escrow_not_held", `Payment ${payment.id} is not captured yet: nothing is held in escrow to ${action}.`);
    case "refunded":
      return new KassaError("escrow_not_held", `Payment ${payment.id}'s escrowed funds were refunded: nothing is left to ${action}.`);
    case "released":
      return new KassaError("escrow_already_released", `Payment ${payment.id}'s escrow was already released to the merchant.`);
    case "disputed":
      return action === "release"
        ? new KassaError("escrow_disputed", `Payment ${payment.id}'s escrow is disputed: resolve the dispute (refund or release) instead.`)
        : new KassaError("escrow_disputed", `Payment ${payment.id}'s escrow is already disputed.`);
    case "held":
      return null;
  }
}

/**
 * Releases a held or disputed escrow of a locked payment to the merchant's available balance, in the
 * caller's commit: the ledger entries (once, by key), the payment's escrow, the audit row and `escrow.released`.
 */
export async function releaseIn(
  tx: Transaction,
  changes: Changes,
  payment: PaymentRow,
  now: Date,
  reason: ReleaseReason,
  resolution?: EscrowResolution,
): Promise<void> {
  const escrow = payment.escrow!;
  await postEscrowRelease(tx, payment, now);
  const dispute = escrow.dispute && resolution ? { ...escrow.dispute, resolution, resolvedAt: now.toISOString() } : escrow.dispute;
  await saveEscrow(tx, payment, { ...escrow, status: "released", releasedAt: now.toISOString(), dispute });
  changes.audit({
    action: "escrow.released",
    targetType: "payment",
    targetId: payment.id,
    metadata: { reason, amount: Number(escrow.amount), net: Number(BigInt(escrow.amount) - BigInt(escrow.fee)) },
  });
  changes.event("escrow.released", serializePayment(payment), { escrow: { status: escrow.status } });
}
