import { and, eq, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { refunds } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { logger } from "@/lib/logger";
import { getConnector } from "@/lib/gateways";
import { recordProcessorRefund } from "@/lib/refunds/record-processor-refund";
import { settleRefund } from "@/lib/refunds/settle-refund";
import { paymentOfIntent, stripeCtx, type HandlerOutcome } from "./context";
import { syncPaymentIntent } from "./sync-payment-intent";

/**
 * Every refund Stripe has for a PaymentIntent, recorded in Kassa: Kassa's own pending ones settled (by
 * their key), ones made in Stripe's dashboard imported. If the payment itself is not known as succeeded
 * yet (charge.refunded overtook payment_intent.succeeded), it is brought up to date first.
 */
export async function reconcileRefunds(pi: { id: string; metadata?: Record<string, string> | null }): Promise<HandlerOutcome> {
  let payment = await paymentOfIntent(pi);
  if (!payment) return "unknown_object";
  let changed = false;
  if (payment.status !== "succeeded") {
    changed = (await syncPaymentIntent(pi)) === "applied";
    payment = (await paymentOfIntent(pi))!;
    // Not captured at Stripe either: nothing can be refunded yet; the engine retries the event.
    if (payment.status !== "succeeded")
      throw new KassaError("service_unavailable", `Payment ${payment.id} is ${payment.status}; its refunds wait until it has succeeded.`);
  }
  const ctx = stripeCtx(payment);
  const db = await getDb();
  for (const result of await getConnector("stripe").listRefunds(ctx, { processorId: pi.id })) {
    const [known] = await db
      .select()
      .from(refunds)
      .where(
        and(
          eq(refunds.paymentId, payment.id),
          or(eq(refunds.processorId, result.processorId), result.idempotencyKey ? eq(refunds.id, result.idempotencyKey) : undefined),
        ),
      );
    if (known?.status === "pending") {
      changed = (await settleRefund({ ctx, refundId: known.id })).status !== "pending" || changed;
    } else if (known?.status === "succeeded" && result.status === "failed") {
      // A refund Stripe could not pay out after all (refund_failure): not booked back automatically yet.
      logger.error({ refund: known.id, processor: result.processorId }, "Stripe reports a succeeded refund as failed; book the refund failure by hand");
    } else if (!known) {
      changed = (await recordProcessorRefund({ ctx, paymentId: payment.id, result })) !== null || changed;
    }
  }
  return changed ? "applied" : "no_change";
}
