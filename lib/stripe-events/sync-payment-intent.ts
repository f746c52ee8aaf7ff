import { getConnector } from "@/lib/gateways";
import { applyProcessorView } from "@/lib/payments/apply-processor-view";
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

  return applyProcessorView({ ctx, payment, charge });
}
