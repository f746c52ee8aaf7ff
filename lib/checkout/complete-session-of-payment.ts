import { isId } from "@/lib/ids";
import { loadPayment } from "@/lib/payments/load-payment";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { completeCheckoutSession } from "./complete-checkout-session";
import { loadCheckoutSession } from "./load-checkout-session";
import { CHECKOUT_SESSION_KEY, isSessionCryptoPayment } from "./session-crypto-payments";

/**
 * For a workflow on payment.succeeded: the crypto payment a checkout session made (lib/checkout/start-checkout-crypto.ts)
 * completes that session as soon as the deposit watcher books it, with no page open. Any other payment, or one
 * whose session is not this merchant's, changes nothing (session null). Safe to repeat.
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
  if (payment.paymentMethod !== "crypto" || payment.status !== "succeeded" || !sessionId || !isId("checkoutSession", sessionId)) {
    return { session: null, status: null };
  }
  try {
    const session = await loadCheckoutSession(db, ctx, sessionId);
    if (!isSessionCryptoPayment(payment, session)) return { session: null, status: null };
  } catch (error) {
    if (error instanceof KassaError && error.code === "resource_missing") return { session: null, status: null };
    throw error;
  }
  const done = await completeCheckoutSession({ ctx, id: sessionId, paymentId });
  return { session: done.id, status: done.status };
}
