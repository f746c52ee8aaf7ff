import { eventType } from "inngest";
import { queueInvoiceEmail } from "@/lib/email/queue-invoice-email";
import { sendCustomerEmail } from "@/lib/email/send-customer-email";
import { systemActor } from "@/lib/service/context";
import { inngest, kassaEvent } from "../client";

const invoiceFinalized = eventType("kassa/invoice.finalized", { schema: kassaEvent });

/**
 * The customer's copy of an invoice with something to pay (the trigger's filter; a zero invoice, such as a
 * trial's, is not mailed) and an address to go to (customer_email is the invoice's own copy, fixed when it
 * was drafted: without one no run starts, as the receipt's). Stored in one step, sent (live mode) in the
 * next; stored once per invoice, so a retried step or a re-run never mails the customer twice.
 */
export const customerInvoiceEmailFn = inngest.createFunction(
  {
    id: "customer-invoice-email",
    triggers: [{ event: invoiceFinalized, if: "event.data.data.object.amount_due > 0 && event.data.data.object.customer_email != null" }],
    retries: 5,
  },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("customer-invoice-email") };
    const invoiceId = String(event.data.data.object.id);
    const email = await step.run("queue-invoice-email", () => queueInvoiceEmail({ ctx, invoiceId }));
    // Its own step, as the receipt's: a crash after storing still sends, an SMTP failure is retried.
    if (email && ctx.livemode) await step.run("send-invoice-email", () => sendCustomerEmail({ ctx, id: email }));
    return { email };
  },
);
