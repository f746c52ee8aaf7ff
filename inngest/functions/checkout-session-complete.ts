import { eventType } from "inngest";
import { completeSessionOfPayment } from "@/lib/checkout/complete-session-of-payment";
import { systemActor } from "@/lib/service/context";
import { inngest, kassaEvent } from "../client";

const paymentSucceeded = eventType("kassa/payment.succeeded", { schema: kassaEvent });
const paymentCapturable = eventType("kassa/payment.amount_capturable_updated", { schema: kassaEvent });
const ofACheckout = "event.data.data.object.metadata.checkout_session != null";

/**
 * A checkout session's payment has the customer's money: the session completes at once, whether or not the
 * customer still has the page open (the page and its pay action complete it too; all are safe to repeat) — a
 * card payment settled by reconciliation after a lost answer, a crypto payment booked by the deposit watcher.
 * Only payments made for a session (metadata checkout_session) start a run.
 */
export const checkoutSessionCompleteFn = inngest.createFunction(
  {
    id: "checkout-session-complete",
    triggers: [
      { event: paymentSucceeded, if: ofACheckout },
      { event: paymentCapturable, if: ofACheckout },
    ],
    retries: 5,
  },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("checkout-session-complete") };
    return step.run("complete", () => completeSessionOfPayment({ ctx, paymentId: String(event.data.data.object.id) }));
  },
);
