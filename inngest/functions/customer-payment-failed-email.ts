import { eventType } from "inngest";
import { queuePaymentFailedEmail } from "@/lib/email/queue-payment-failed-email";
import { sendCustomerEmail } from "@/lib/email/send-customer-email";
import { systemActor } from "@/lib/service/context";
import { inngest, kassaEvent } from "../client";

const invoicePaymentFailed = eventType("kassa/invoice.payment_failed", { schema: kassaEvent });

/**
 * Tells the customer a try to charge their invoice failed, with the link to pay or change the card. The
 * event names the try (its attempt_count); what the email says is read fresh. Stored once per failed try,
 * sent (live mode) in the next step. No run for an invoice without a customer_email (its own copy, fixed
 * when it was drafted), which has nobody to tell.
 */
export const customerPaymentFailedEmailFn = inngest.createFunction(
  { id: "customer-payment-failed-email", triggers: [{ event: invoicePaymentFailed, if: "event.data.data.object.customer_email != null" }], retries: 5 },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("customer-payment-failed-email") };
    const invoice = event.data.data.object;
    const email = await step.run("queue-payment-failed-email", () =>
      queuePaymentFailedEmail({ ctx, invoiceId: String(invoice.id), attempt: Number(invoice.attempt_count) }),
    );
    if (email && ctx.livemode) await step.run("send-payment-failed-email", () => sendCustomerEmail({ ctx, id: email }));
    return { email };
  },
);
