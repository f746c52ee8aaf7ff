import { isId } from "@/lib/ids";
import { loadPayment } from "@/lib/payments/load-payment";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { completeCheckoutSession } from "./complete-checkout-session";
import { loadCheckoutSession } from "./load-checkout-session";
import { CHECKOUT_SESSION_KEY, isSessionCryptoPayment } from "./session-crypto-payments";

/** A payment that has the customer's money (taken, or held for a manual capture). */
const PAID = new Set(["succeeded", "requires_capture"]);

/**
 * For a workflow on payment.succeeded and payment.amount_capturable_updated: the payment a checkout session made
 * completes that session as soon as it is paid, with no page open — a card payment whose answer was lost and
 * that reconciliation settled minutes later, or a crypto payment the deposit watcher booked
 * (lib/checkout/start-checkout-crypto.ts). Without it the session stayed open until the customer looked again,
 * and the merchant's checkout.session.completed never came. Any other payment, one that is not the session's
 * own, or one whose session is not this merchant's changes nothing (session null). Safe to repeat.
 */
export async function completeSessionOfPayment({
  ctx,
  paymentId,
}: {
  ctx: ServiceContext;
  paymentId: string;
}): Promise<{ session: string | null; status: string | null }> {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId);
  const sessionId = payment.metadata[CHECKOUT_SESSION_KEY];
  const crypto = payment.paymentMethod === "crypto";
  if (!(crypto ? payment.status === "succeeded" : PAID.has(payment.status)) || !sessionId || !isId("checkoutSession", sessionId)) {
    return { session: null, status: null };
  }
  try {
    const session = await loadCheckoutSession(db, ctx, sessionId);
    // A card (or UPI, PayPal) payment completes only the session it was made for; metadata alone names none.
    if (crypto ? !isSessionCryptoPayment(payment, session) : session.paymentId !== payment.id) return { session: null, status: null };
  } catch (error) {
    if (error instanceof KassaError && error.code === "resource_missing") return { session: null, status: null };
    throw error;
  }
  const done = await completeCheckoutSession({ ctx, id: sessionId, ...(crypto ? { paymentId } : {}) });
  return { session: done.id, status: done.status };
}
