import { getDb } from "@/db/client";
import { completeAuthentication } from "@/lib/payments/complete-authentication";
import { getPayment } from "@/lib/payments/get-payment";
import { completeCheckoutSession } from "./complete-checkout-session";
import { checkoutContext, findCheckoutSession, noSuchCheckoutSession } from "./load-checkout-session";

/**
 * The payer is back from PayPal's approval page (or the sandbox's simulated one) at the session's
 * return URL, or at it marked canceled. Approved: PayPal is asked to pay the order — PayPal holds the
 * truth, so only an order its payer approved is ever authorized or captured, whatever the URL says; the
 * sandbox's page has already recorded its answer, so it is only read. Canceled: the attempt fails and the
 * customer chooses again (the unpaid order expires at PayPal). Either way a repeat changes nothing.
 */
export async function returnFromPayPal({ sessionId, canceled }: { sessionId: string; canceled: boolean }): Promise<void> {
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found?.session.paymentId) throw noSuchCheckoutSession(sessionId);
  const ctx = checkoutContext(found.session);
  const payment = await getPayment({ ctx, id: found.session.paymentId });
  if (payment.status !== "requires_action" || payment.payment_method !== "paypal") return;
  const outcome = canceled ? "fail" : payment.connector === "paypal" ? "succeed" : undefined;
  const { payment: after } = await completeAuthentication({ ctx, paymentId: payment.id, outcome });
  if (after.status === "succeeded" || after.status === "requires_capture") await completeCheckoutSession({ ctx, id: sessionId });
}

export type WalletState = { state: "waiting" } | { state: "complete" } | { state: "failed"; message: string };

/** What an embedded checkout waiting on its PayPal window shows: read from Kassa's records only, never from PayPal. */
export async function walletState({ sessionId }: { sessionId: string }): Promise<WalletState> {
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found) throw noSuchCheckoutSession(sessionId);
  if (found.session.status === "complete") return { state: "complete" };
  if (!found.session.paymentId) return { state: "waiting" };
  const payment = await getPayment({ ctx: checkoutContext(found.session), id: found.session.paymentId });
  if (payment.status === "succeeded" || payment.status === "requires_capture") return { state: "complete" };
  if (payment.status === "requires_payment_method")
    return { state: "failed", message: payment.last_payment_error?.message ?? "The PayPal payment did not go through. Nothing was charged." };
  return { state: "waiting" };
}
