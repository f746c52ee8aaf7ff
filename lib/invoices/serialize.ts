import type { InvoiceLineRow, InvoiceRow } from "@/db/schema";
import { publicBaseUrl } from "@/lib/public-url";
import type { z } from "zod";
import type { InvoiceObject as InvoiceSchema, LineItemObject as LineItemSchema } from "./invoice-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);
const unixOrNull = (d: Date | null) => (d ? unix(d) : null);

/** The hosted invoice page: its URL carries the invoice's unguessable token, never the bare id. */
export function hostedInvoiceUrl(invoice: Pick<InvoiceRow, "hostedToken">): string {
  return `${publicBaseUrl()}/invoice/${invoice.hostedToken}`;
}

/** What is left to pay: an open invoice's amount due less what was paid; an uncollectible one is still payable (Stripe's rule). */
export const amountRemaining = (i: Pick<InvoiceRow, "status" | "amountDue" | "amountPaid">): bigint =>
  i.status === "open" || i.status === "uncollectible" ? i.amountDue - i.amountPaid : 0n;

export function serializeInvoiceLine(l: InvoiceLineRow) {
  return {
    id: l.id,
    object: "line_item" as const,
    amount: Number(l.amount),
    currency: l.currency,
    description: l.description,
    quantity: l.quantity,
    price: l.price,
    proration: l.proration,
    subscription: l.subscription,
    subscription_item: l.subscriptionItem,
    period: { start: unix(l.periodStart), end: unix(l.periodEnd) },
  } satisfies z.input<typeof LineItemSchema>;
}

/**
 * The API's `invoice` object (Stripe's shape for the fields Kassa keeps). Amounts are minor units; a
 * draft has no number and no hosted page yet.
 */
export function serializeInvoice(i: InvoiceRow, lines: readonly InvoiceLineRow[]) {
  const remaining = amountRemaining(i);
  return {
    id: i.id,
    object: "invoice" as const,
    number: i.number,
    status: i.status,
    customer: i.customer,
    customer_email: i.customerEmail,
    customer_name: i.customerName,
    subscription: i.subscription,
    billing_reason: i.billingReason,
    collection_method: "charge_automatically" as const,
    currency: i.currency,
    description: i.description,
    period_start: unix(i.periodStart),
    period_end: unix(i.periodEnd),
    lines: { object: "list" as const, data: lines.map(serializeInvoiceLine), has_more: false, url: `/api/v1/invoices/${i.id}/lines` },
    subtotal: Number(i.subtotal),
    total: Number(i.total),
    starting_balance: Number(i.startingBalance),
    ending_balance: i.status === "draft" ? null : Number(i.endingBalance),
    amount_due: Number(i.amountDue),
    amount_paid: Number(i.amountPaid),
    amount_remaining: Number(remaining),
    attempt_count: i.attemptCount,
    attempted: i.attemptCount > 0,
    next_payment_attempt: unixOrNull(i.nextPaymentAttempt),
    payment: i.payment,
    last_payment_error: i.lastPaymentError,
    hosted_invoice_url: i.status === "draft" ? null : hostedInvoiceUrl(i),
    invoice_pdf: i.status === "draft" ? null : `${hostedInvoiceUrl(i)}/pdf`,
    status_transitions: {
      finalized_at: unixOrNull(i.finalizedAt),
      paid_at: unixOrNull(i.paidAt),
      voided_at: unixOrNull(i.voidedAt),
      marked_uncollectible_at: unixOrNull(i.markedUncollectibleAt),
    },
    metadata: i.metadata,
    livemode: i.livemode,
    created: unix(i.createdAt),
  } satisfies z.input<typeof InvoiceSchema>;
}
export type InvoiceObject = ReturnType<typeof serializeInvoice>;
