import { eventType } from "inngest";
import { queueReceipt } from "@/lib/email/queue-receipt";
import { sendCustomerEmail } from "@/lib/email/send-customer-email";
import { systemActor } from "@/lib/service/context";
import { inngest, kassaEvent } from "../client";

const paymentSucceeded = eventType("kassa/payment.succeeded", { schema: kassaEvent });

/**
 * The customer's receipt, after the payment's success left the outbox: only for payments with a
 * receipt_email (the trigger's filter). Stored in one step, sent (live mode) in the next. The outbox stores the receipt once per payment, so a retried
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
    // Its own step: a process that dies after the receipt was stored still sends it when the run
    // resumes, and an SMTP failure is retried with the run's retries (the email records each try).
    if (email && ctx.livemode) await step.run("send-receipt", () => sendCustomerEmail({ ctx, id: email }));
    return { email };
  },
);
