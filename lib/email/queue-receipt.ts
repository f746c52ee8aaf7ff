import { createElement } from "react";
import { formatMoney } from "@/lib/money";
import { loadPayment } from "@/lib/payments/load-payment";
import { executor, type ServiceContext } from "@/lib/service/context";
import { renderEmail } from "./render-email";
import { businessNameOf, cardLabel, emailDate, storeCustomerEmail } from "./store-customer-email";
import { Receipt } from "./templates/receipt";

/**
 * The customer's receipt for a succeeded payment with a `receipt_email`, put in the email outbox at
 * most once per payment (a retried workflow step or a second call finds it there). In live mode it is
 * queued for the workflow's next step to send (sendCustomerEmail); in test mode it is kept with status
 * `test` and never sent, and the merchant
 * reads it on the Customer emails page. Returns the email's id, or null when the payment has no
 * receipt to send (no receipt_email, or not succeeded).
 */
export async function queueReceipt({ ctx, paymentId }: { ctx: ServiceContext; paymentId: string }): Promise<string | null> {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId, { param: "payment" });
  if (payment.status !== "succeeded" || !payment.receiptEmail) return null;
  const businessName = await businessNameOf(db, ctx);
  const amount = formatMoney(payment.amountReceived, payment.currency);
  const { html, text } = await renderEmail(
    createElement(Receipt, {
      businessName,
      amount,
      description: payment.description,
      paidWith: cardLabel(payment.card as { brand?: string; last4?: string } | null),
      paidOn: emailDate(payment.capturedAt ?? payment.updatedAt),
      reference: payment.id,
      testMode: !ctx.livemode,
    }),
  );
  return storeCustomerEmail(ctx, { kind: "receipt", objectId: payment.id, to: payment.receiptEmail, subject: `Your receipt from ${businessName}`, html, text });
}
