import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checkoutSessions, type CheckoutSessionRow, type UpiFlow } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { ERROR_CODES } from "@/lib/service/error-codes";
import { KassaError } from "@/lib/service/errors";
import { connectorOf } from "@/lib/payments/connector";
import { completeAuthentication } from "@/lib/payments/complete-authentication";
import { confirmPayment } from "@/lib/payments/confirm-payment";
import { createPayment } from "@/lib/payments/create-payment";
import { getPayment } from "@/lib/payments/get-payment";
import type { PaymentObject } from "@/lib/payments/serialize-payment";
import { completeCheckoutSession } from "./complete-checkout-session";
import { declineMessage } from "./decline-messages";
import { assertPayable, checkoutContext, findCheckoutSession, loadCheckoutSession, noSuchCheckoutSession } from "./load-checkout-session";

export type PayResult =
  | { status: "complete"; paymentId: string }
  | { status: "requires_action"; paymentId: string; redirectUrl: string | null; clientSecret: string | null }
  | { status: "processing"; paymentId: string }
  | { status: "failed"; paymentId: string | null; code: string; declineCode: string | null; message: string };

/** The customer's UPI choice on the checkout's UPI tab: how they approve, and their VPA for a collect request. */
export interface UpiChoice {
  flow: UpiFlow;
  vpa?: string;
}

/**
 * The customer pays a checkout session with a payment method (a sandbox test method from the card
 * form, or a Stripe pm_… from the Payment Element) or by UPI (`upi`, when the session offers it). The
 * amount, currency and capture method come from the session alone. The session's one payment is made
 * on the first try and confirmed again on later tries, so a decline followed by a success is one
 * payment with two attempts (a UPI try after a card's decline included).
 */
export async function payCheckoutSession({
  sessionId,
  paymentMethod,
  upi,
  returnUrl,
}: {
  sessionId: string;
  paymentMethod?: string;
  upi?: UpiChoice;
  returnUrl?: string;
}): Promise<PayResult> {
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found) throw noSuchCheckoutSession(sessionId);
  const ctx = checkoutContext(found.session);
  assertPayable(found.session);
  if (upi && !found.session.paymentMethodTypes.includes("upi")) {
    throw new KassaError("payment_method_unsupported", "This checkout does not take UPI.", { param: "payment_method" });
  }
  if (!upi && !paymentMethod) throw new KassaError("parameter_missing", "Missing required param: payment_method.", { param: "payment_method" });
  if (paymentMethod === "paypal" && !found.session.paymentMethodTypes.includes("paypal")) {
    throw new KassaError("payment_method_unsupported", "This checkout does not take PayPal.", { param: "payment_method" });
  }
  const confirmation = upi
    ? { payment_method: "upi", payment_method_options: { upi: { flow: upi.flow, ...(upi.vpa ? { vpa: upi.vpa } : {}) } } }
    : { payment_method: paymentMethod };
  const paymentId = await paymentOf(ctx, sessionId);
  let payment: PaymentObject;
  try {
    const current = await getPayment({ ctx, id: paymentId });
    if (current.status === "requires_action") return requiresAction(ctx, current);
    // An earlier try is still with the processor (or its process died mid-way): never confirm it again.
    if (current.status === "processing") return { status: "processing", paymentId };
    payment = await confirmPayment({ ctx, id: paymentId, input: { ...confirmation, ...(returnUrl ? { return_url: returnUrl } : {}) } });
  } catch (error) {
    if (error instanceof KassaError && ERROR_CODES[error.code].type === "card_error") {
      return {
        status: "failed",
        paymentId,
        code: error.code,
        declineCode: error.declineCode ?? null,
        message: declineMessage(error.code, error.declineCode, error.message),
      };
    }
    throw error;
  }
  return settle(ctx, sessionId, payment);
}

/** After a 3D Secure step (Stripe.js's own, or the sandbox page): records the processor's answer and completes the session. */
export async function refreshCheckoutSession({ sessionId }: { sessionId: string }): Promise<PayResult> {
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found?.session.paymentId) throw noSuchCheckoutSession(sessionId);
  const ctx = checkoutContext(found.session);
  const { payment, error } = await completeAuthentication({ ctx, paymentId: found.session.paymentId });
  if (error)
    return {
      status: "failed",
      paymentId: payment.id,
      code: error.code,
      declineCode: error.declineCode ?? null,
      message: declineMessage(error.code, error.declineCode, error.message),
    };
  return settle(ctx, sessionId, payment);
}

async function settle(ctx: ServiceContext, sessionId: string, payment: PaymentObject): Promise<PayResult> {
  switch (payment.status) {
    case "succeeded":
    case "requires_capture":
      await completeCheckoutSession({ ctx, id: sessionId });
      return { status: "complete", paymentId: payment.id };
    case "requires_action":
      return requiresAction(ctx, payment);
    case "requires_payment_method": {
      const e = payment.last_payment_error;
      return {
        status: "failed",
        paymentId: payment.id,
        code: e?.code ?? "card_declined",
        declineCode: e?.decline_code ?? null,
        message: declineMessage(e?.code, e?.decline_code, e?.message ?? "Your card was declined."),
      };
    }
    default:
      return { status: "processing", paymentId: payment.id };
  }
}

async function requiresAction(ctx: ServiceContext, payment: PaymentObject): Promise<PayResult> {
  let clientSecret: string | null = null;
  if (payment.connector === "stripe") {
    // Stripe.js runs the challenge itself with the PaymentIntent's client secret, which is never stored.
    const charge = await connectorOf("stripe").retrieve({ merchantId: ctx.merchantId, livemode: ctx.livemode }, { idempotencyKey: payment.latest_attempt! });
    clientSecret = charge?.clientSecret ?? null;
  }
  return {
    status: "requires_action",
    paymentId: payment.id,
    redirectUrl: payment.next_action?.type === "redirect_to_url" ? payment.next_action.redirect_to_url.url : null,
    clientSecret,
  };
}

/** The session's payment, made (unconfirmed) on the first try with the session locked so two tries make one. */
async function paymentOf(ctx: ServiceContext, sessionId: string): Promise<string> {
  return commit(ctx, async (tx) => {
    const session: CheckoutSessionRow = await loadCheckoutSession(tx, ctx, sessionId, { lock: true });
    assertPayable(session);
    if (session.paymentId) return session.paymentId;
    const metadata = Object.keys(session.metadata).length < 50 ? { ...session.metadata, checkout_session: session.id } : session.metadata;
    const payment = await createPayment({
      ctx: { ...ctx, db: tx },
      input: {
        amount: Number(session.amount),
        currency: session.currency,
        capture_method: session.captureMethod,
        metadata,
        ...(session.description ? { description: session.description } : {}),
        ...(session.customerEmail ? { receipt_email: session.customerEmail } : {}),
      },
    });
    await tx.update(checkoutSessions).set({ paymentId: payment.id }).where(eq(checkoutSessions.id, session.id));
    return payment.id;
  });
}
