import { createElement } from "react";
import type { StatusReason } from "@/db/schema";
import { loadInvoice } from "@/lib/invoices/load";
import { hostedInvoiceUrl } from "@/lib/invoices/serialize";
import { formatMoney } from "@/lib/money";
import { executor, type ServiceContext } from "@/lib/service/context";
import { renderEmail } from "./render-email";
import { businessNameOf, emailDate, storeCustomerEmail } from "./store-customer-email";
import { PaymentFailed } from "./templates/payment-failed";

/**
 * A decline as the customer should read it. Codes that point at fraud or a reported card get the plain
 * "declined", as Stripe advises (the merchant sees the real code on the invoice).
 */
const IN_PLAIN_WORDS: Record<string, string> = {
  payment_method_missing: "There is no card on file to charge.",
  authentication_required: "Your bank asked you to confirm this payment, which cannot be done automatically.",
  insufficient_funds: "Your card has insufficient funds.",
  expired_card: "Your card has expired.",
  incorrect_cvc: "Your card's security code is incorrect.",
  incorrect_number: "Your card number is no longer valid.",
  invalid_account: "Your card number is no longer valid.",
  new_account_information_available: "Your card's details have changed: please enter the new card.",
  card_velocity_exceeded: "Your card's spending limit has been reached.",
  withdrawal_count_limit_exceeded: "Your card's spending limit has been reached.",
  processing_error: "An error occurred while processing your card.",
};
export const declineInPlainWords = (error: StatusReason) => IN_PLAIN_WORDS[error.decline_code ?? error.code] ?? "Your card was declined.";

/**
 * Tells the customer that a try to charge an invoice failed, once per failed try: the try's payment
 * (invoices.payment), or `${invoiceId}:${attempt}` for a try that had no card to charge. `attempt` is the
 * try the event reported (its attempt_count); the amount, the decline and the next try are read fresh.
 * Returns the email's id, or null when there is nothing to say: no customer email, the invoice was paid
 * or voided meanwhile, or a later try has started (its own outcome, and email if it fails, follows).
 */
export async function queuePaymentFailedEmail({
  ctx,
  invoiceId,
  attempt,
}: {
  ctx: ServiceContext;
  invoiceId: string;
  attempt: number;
}): Promise<string | null> {
  const db = await executor(ctx);
  const invoice = await loadInvoice(db, ctx, invoiceId, { param: "invoice" });
  if (invoice.status !== "open" && invoice.status !== "uncollectible") return null;
  if (invoice.attemptCount !== attempt || !invoice.lastPaymentError || !invoice.number) return null;
  if (!invoice.customerEmail) return null;
  const failure = invoice.lastPaymentError;
  const noCard = failure.code === "payment_method_missing" || !invoice.payment;
  const businessName = await businessNameOf(db, ctx);
  const amount = formatMoney(invoice.amountDue - invoice.amountPaid, invoice.currency);
  const { html, text } = await renderEmail(
    createElement(PaymentFailed, {
      businessName,
      number: invoice.number,
      amount,
      reason: declineInPlainWords(failure),
      nextTry: invoice.nextPaymentAttempt ? emailDate(invoice.nextPaymentAttempt) : null,
      url: hostedInvoiceUrl(invoice),
      testMode: !ctx.livemode,
    }),
  );
  return storeCustomerEmail(ctx, {
    kind: "payment_failed",
    objectId: noCard ? `${invoice.id}:${attempt}` : invoice.payment!,
    to: invoice.customerEmail,
    subject: `Your payment to ${businessName} failed`,
    html,
    text,
  });
}
