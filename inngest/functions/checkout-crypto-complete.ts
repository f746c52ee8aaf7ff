import { eventType } from "inngest";
import { completeSessionOfPayment } from "@/lib/checkout/complete-session-of-payment";
import { systemActor } from "@/lib/service/context";
import { inngest, kassaEvent } from "../client";

const paymentSucceeded = eventType("kassa/payment.succeeded", { schema: kassaEvent });

/**
 * A checkout session's crypto payment was booked by the deposit watcher: the session completes at once,
 * whether or not the customer still has the page open (the page completes it too; both are safe to repeat).
 * Only crypto payments made for a session (metadata checkout_session) start a run.
 */
export const checkoutCryptoCompleteFn = inngest.createFunction(
  {
    id: "checkout-crypto-complete",
    triggers: [
      {
        event: paymentSucceeded,
        if: "event.data.data.object.payment_method == 'crypto' && event.data.data.object.metadata.checkout_session != null",
      },
    ],
    retries: 5,
  },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("checkout-crypto-complete") };
    return step.run("complete", () => completeSessionOfPayment({ ctx, paymentId: String(event.data.data.object.id) }));
  },
);
