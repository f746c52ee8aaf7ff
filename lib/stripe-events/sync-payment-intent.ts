import { eq } from "drizzle-orm";
import { payments } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { getConnector } from "@/lib/gateways";
import { applyAuthorization } from "@/lib/payments/apply-authorization";
import { loadPayment } from "@/lib/payments/load-payment";
import { applyOperation, newOperation } from "@/lib/payments/payment-operation";
import { paymentOfIntent, stripeCtx, type HandlerOutcome } from "./context";

/**
 * Brings a Kassa payment up to what Stripe says about its PaymentIntent — re-read from Stripe, never
 * taken from the event (events arrive late, twice, out of order). State only moves forward: an open
 * attempt gets its outcome (a lost answer, 3D Secure finished), a capture or cancel Kassa sent gets
 * recorded, an authorisation Stripe let lapse is released. Everything else is already known.
 */
export async function syncPaymentIntent(pi: { id: string; metadata?: Record<string, string> | null }): Promise<HandlerOutcome> {
  const payment = await paymentOfIntent(pi);
  if (!payment) return "unknown_object";
  const ctx = stripeCtx(payment);
  const charge = await getConnector("stripe").retrieve(ctx, { processorId: pi.id });
  if (!charge) return "unknown_object";

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
    // Stripe released an authorisation on its own (it lapsed): record it as an expired cancel.
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
