// payment_intent.amount_capturable_updated — the PaymentIntent moved; Kassa re-reads it and moves the payment forward.
import type { StripeEventHandler } from "../context";
import { syncPaymentIntent } from "../sync-payment-intent";

export const handlePaymentIntentAmountCapturableUpdated: StripeEventHandler = (pi) =>
  syncPaymentIntent(pi as { id: string; metadata?: Record<string, string> });
