// charge.refunded — a charge was refunded (through Kassa or in Stripe's dashboard): record every refund once.
import type { StripeEventHandler } from "../context";
import { reconcileRefunds } from "../reconcile-refunds";

export const handleChargeRefunded: StripeEventHandler = async (charge) => {
  const pi = charge.payment_intent;
  if (typeof pi !== "string") return "unknown_object";
  return reconcileRefunds({ id: pi, metadata: (charge.metadata as Record<string, string> | undefined) ?? null });
};
