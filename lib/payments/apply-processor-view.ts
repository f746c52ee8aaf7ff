import { eq } from "drizzle-orm";
import { payments, type PaymentRow } from "@/db/schema";
import type { Charge } from "@/lib/gateways/types";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { applyAuthorization } from "./apply-authorization";
import { loadPayment } from "./load-payment";
import { applyOperation, newOperation } from "./payment-operation";

/**
 * Brings a payment up to what its processor says about it now — `charge` re-read from the processor by
 * the caller, never an event's copy (events arrive late, twice, out of order). The moves of Stripe's
 * webhook sync (lib/stripe-events/sync-payment-intent.ts), for any connector: an open attempt gets its
 * outcome (a lost answer, 3D Secure finished) through phase B, a capture or cancel Kassa sent gets
 * recorded, an authorisation the processor released on its own is recorded as an expired cancel.
 * State only moves forward and each move is idempotent, so a redelivery or a race changes nothing.
 * The caller has checked that the charge is this payment's (its tenant and Kassa id).
 */
export async function applyProcessorView({
  ctx,
  payment,
  charge,
}: {
  ctx: ServiceContext;
  payment: PaymentRow;
  charge: Charge;
}): Promise<"applied" | "no_change"> {
  if (payment.latestAttemptId === charge.idempotencyKey && (payment.status === "processing" || payment.status === "requires_action")) {
    const before = payment.status;
    const { payment: after } = await applyAuthorization(ctx, payment.id, charge.idempotencyKey, { kind: "charge", charge });
    return after.status !== before ? "applied" : "no_change";
  }
  if (payment.processorId !== charge.processorId) return "no_change";
  const op = payment.pendingOperation;
  if (op && ((op.type === "capture" && charge.status === "succeeded") || (op.type === "cancel" && charge.status === "canceled"))) {
    await applyOperation(ctx, payment.id, op, charge);
    return "applied";
  }
  if (!op && payment.status === "requires_capture" && charge.status === "canceled") {
    const lapse = await commit(ctx, async (tx) => {
      const locked = await loadPayment(tx, ctx, payment.id, { lock: true });
      if (locked.status !== "requires_capture" || locked.pendingOperation) return null;
      const next = newOperation(locked, "cancel", { reason: "expired" });
      await tx.update(payments).set({ pendingOperation: next }).where(eq(payments.id, locked.id));
      return next;
    });
    if (lapse) await applyOperation(ctx, payment.id, lapse, charge);
    return lapse ? "applied" : "no_change";
  }
  return "no_change";
}
