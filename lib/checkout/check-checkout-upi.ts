import { getDb } from "@/db/client";
import { KassaError } from "@/lib/service/errors";
import { getPayment } from "@/lib/payments/get-payment";
import { checkUpiPayment } from "@/lib/upi/check-upi-payment";
import { completeCheckoutSession } from "./complete-checkout-session";
import { checkoutContext, findCheckoutSession, noSuchCheckoutSession } from "./load-checkout-session";

/** What the checkout page's UPI status refresh learns. */
export interface CheckoutUpiStatus {
  /** pending: still waiting for the customer's app; success: paid (the session is complete); failed / expired: try again. */
  state: "pending" | "success" | "failed" | "expired";
  /** Unix seconds, while pending. */
  expires_at: number | null;
  /** Why it failed, in the customer's words. */
  message: string | null;
}

/**
 * The checkout page's own status refresh while a UPI payment waits for the customer's app: asks the PSP
 * now (checkUpiPayment, which books what it hears), expires the payment once its window has passed, and
 * completes the session when paid. The session id is the only credential, as for the page itself.
 */
export async function checkCheckoutUpi({ sessionId, now = Date.now() }: { sessionId: string; now?: number }): Promise<CheckoutUpiStatus> {
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found) throw noSuchCheckoutSession(sessionId);
  const { session } = found;
  const ctx = checkoutContext(session);
  if (!session.paymentId) throw new KassaError("payment_intent_unexpected_state", "This checkout has no UPI payment waiting.", { param: "payment" });
  const before = await getPayment({ ctx, id: session.paymentId });
  const upi = before.payment_method_details?.type === "upi" ? before.payment_method_details.upi : null;
  if (before.payment_method !== "upi" || !upi) {
    throw new KassaError("payment_intent_unexpected_state", "This checkout's payment is not a UPI payment.", { param: "payment" });
  }
  const waiting = before.status === "requires_action" || before.status === "processing";
  const { payment } = waiting ? await checkUpiPayment({ ctx, paymentId: before.id, source: "page", expire: now > upi.expires_at * 1000 }) : { payment: before };
  if (payment.status === "succeeded" || payment.status === "requires_capture") {
    if (session.status !== "complete") await completeCheckoutSession({ ctx, id: session.id });
    return { state: "success", expires_at: null, message: null };
  }
  const after = payment.payment_method_details?.type === "upi" ? payment.payment_method_details.upi : upi;
  if (payment.status === "requires_action" || payment.status === "processing") {
    return { state: "pending", expires_at: after.expires_at, message: null };
  }
  if (after.status === "expired" || payment.last_payment_error?.code === "payment_intent_payment_attempt_expired") {
    return { state: "expired", expires_at: null, message: UPI_EXPIRED_MESSAGE };
  }
  return { state: "failed", expires_at: null, message: UPI_FAILED_MESSAGE };
}

/** A decline in the customer's words: the PSP's own message is for the merchant's timeline, not the payer. */
export const UPI_FAILED_MESSAGE = "The payment was declined in your UPI app. Nothing was charged.";
export const UPI_EXPIRED_MESSAGE = "The UPI payment was not approved in time. Nothing was charged.";
