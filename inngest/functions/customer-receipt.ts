import { eventType } from "inngest";
import { queueReceipt } from "@/lib/email/queue-receipt";
import { systemActor } from "@/lib/service/context";
import { inngest, kassaEvent } from "../client";

const paymentSucceeded = eventType("kassa/payment.succeeded", { schema: kassaEvent });

/**
 * The customer's receipt, after the payment's success left the outbox: only for payments with a
 * receipt_email (the trigger's filter). The outbox stores the receipt once per payment, so a retried
 * step or a re-run finds it there rather than mailing the customer twice.
 */
export const customerReceiptFn = inngest.createFunction(
  {
    id: "customer-receipt",
    triggers: [{ event: paymentSucceeded, if: "event.data.data.object.receipt_email != null" }],
    retries: 5,
  },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("customer-receipt") };
    const email = await step.run("queue-receipt", () => queueReceipt({ ctx, paymentId: String(event.data.data.object.id) }));
    return { email };
  },
);
