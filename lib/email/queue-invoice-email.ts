import { eq } from "drizzle-orm";
import { createElement } from "react";
import type { Executor } from "@/db/client";
import { subscriptions, type InvoiceRow } from "@/db/schema";
import { findPaymentMethod, loadCustomer, sameTenant } from "@/lib/customers/load";
import { linesOf, loadInvoice } from "@/lib/invoices/load";
import { hostedInvoiceUrl } from "@/lib/invoices/serialize";
import { formatMoney } from "@/lib/money";
import { executor, type ServiceContext } from "@/lib/service/context";
import { renderEmail } from "./render-email";
import { businessNameOf, cardLabel, emailDate, storeCustomerEmail } from "./store-customer-email";
import { InvoiceEmail } from "./templates/invoice";

/** Lines shown in the email; the hosted page lists them all. */
const SHOWN_LINES = 10;

/**
 * The customer's copy of a finalized invoice with something to pay (amount_due > 0), to the invoice's
 * customer_email, at most once per invoice. Read fresh from the database, never from the event that
 * asked for it: it says "due now", or "paid" when the charge that follows finalisation went through first.
 * Returns the email's id, or null when there is nothing to send (a draft, a void or zero invoice, no email).
 */
export async function queueInvoiceEmail({ ctx, invoiceId }: { ctx: ServiceContext; invoiceId: string }): Promise<string | null> {
  const db = await executor(ctx);
  const invoice = await loadInvoice(db, ctx, invoiceId, { param: "invoice" });
  if (!invoice.number || invoice.status === "draft" || invoice.status === "void" || invoice.amountDue <= 0n) return null;
  if (!invoice.customerEmail) return null;
  const lines = await linesOf(db, invoice.id);
  const businessName = await businessNameOf(db, ctx);
  const money = (amount: bigint) => formatMoney(amount, invoice.currency);
  const { html, text } = await renderEmail(
    createElement(InvoiceEmail, {
      businessName,
      number: invoice.number,
      amount: money(invoice.amountDue),
      status: invoice.status === "paid" ? "paid" : "due",
      paidOn: invoice.paidAt ? emailDate(invoice.paidAt) : null,
      chargeTo: await cardToBeCharged(db, ctx, invoice),
      period: invoice.subscription ? `${emailDate(invoice.periodStart)} – ${emailDate(invoice.periodEnd)}` : null,
      lines: lines.slice(0, SHOWN_LINES).map((l) => ({ description: l.description, amount: money(l.amount) })),
      moreLines: Math.max(0, lines.length - SHOWN_LINES),
      url: hostedInvoiceUrl(invoice),
      testMode: !ctx.livemode,
    }),
  );
  return storeCustomerEmail(ctx, {
    kind: "invoice",
    objectId: invoice.id,
    to: invoice.customerEmail,
    subject: `Invoice ${invoice.number} from ${businessName}`,
    html,
    text,
  });
}

/**
 * The card a renewal invoice is about to be charged to, as collectInvoice picks it (the subscription's
 * default, else the customer's), while no try has failed yet; null otherwise.
 */
async function cardToBeCharged(db: Executor, ctx: ServiceContext, invoice: InvoiceRow): Promise<string | null> {
  // Only a renewal is charged by the period's run; an open first invoice waits for the customer to pay it.
  if (invoice.status !== "open" || invoice.billingReason !== "subscription_cycle" || !invoice.subscription || invoice.lastPaymentError) return null;
  const [sub] = await db.select({ pm: subscriptions.defaultPaymentMethod }).from(subscriptions).where(eq(subscriptions.id, invoice.subscription));
  const method = sub?.pm ?? (await loadCustomer(db, ctx, invoice.customer).catch(() => null))?.defaultPaymentMethod;
  const pm = method ? await findPaymentMethod(db, method) : null;
  return pm && sameTenant(ctx, pm) ? cardLabel(pm.card) : null;
}
