import { KassaError } from "@/lib/service/errors";
import { reconcileProcessorRefunds } from "@/lib/refunds/reconcile-processor-refunds";
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
  const reconciled = await reconcileProcessorRefunds({ ctx: stripeCtx(payment), payment });
  return changed || reconciled === "applied" ? "applied" : "no_change";
}
