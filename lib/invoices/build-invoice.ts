import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { customers, invoiceLines, invoices, invoiceSequences, type BillingReason, type InvoiceLineRow, type InvoiceRow } from "@/db/schema";
import { finalInvoiceTotals, invoiceTotals } from "@/lib/billing/invoice-totals";
import type { Period } from "@/lib/billing/periods";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadCustomer } from "@/lib/customers/load";
import { minimumChargeAmount } from "@/lib/money";
import { newId } from "@/lib/ids";
import { serializeInvoice } from "./serialize";

type Tenant = Pick<ServiceContext, "merchantId" | "livemode">;

export interface NewLine {
  description: string;
  amount: bigint;
  quantity: number;
  period: Period;
  proration: boolean;
  price?: string | null;
  subscriptionItem?: string | null;
}

/** KASSA-0001: the merchant's sequence in this mode, four digits at least. */
export const invoiceNumber = (n: number) => `KASSA-${String(n).padStart(4, "0")}`;

/** A line row for an invoice, or pending (no invoice) for a subscription's next one. */
export function lineRow(ctx: Tenant, line: NewLine, at: { invoice: string | null; subscription: string | null; currency: string }): InvoiceLineRow {
  const now = new Date();
  return {
    id: newId("invoiceLine"),
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    invoice: at.invoice,
    subscription: at.subscription,
    subscriptionItem: line.subscriptionItem ?? null,
    price: line.price ?? null,
    description: line.description,
    quantity: line.quantity,
    currency: at.currency,
    amount: line.amount,
    proration: line.proration,
    periodStart: line.period.start,
    periodEnd: line.period.end,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A draft invoice with `lines`, plus (with `takePending`) every pending line of its subscription, e.g. the
 * prorations of a mid-period change, which the next invoice carries as Stripe's does.
 */
export async function draftInvoice(
  tx: Transaction,
  ctx: Tenant,
  changes: Changes,
  args: {
    customer: string;
    subscription: string | null;
    currency: string;
    billingReason: BillingReason;
    period: Period;
    lines: readonly NewLine[];
    takePending?: boolean;
    renewalKey?: string;
    description?: string | null;
  },
): Promise<{ invoice: InvoiceRow; lines: InvoiceLineRow[] }> {
  const customer = await loadCustomer(tx, ctx, args.customer, { param: "customer" });
  const now = new Date();
  const invoice: InvoiceRow = {
    id: newId("invoice"),
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    customer: customer.id,
    subscription: args.subscription,
    status: "draft",
    number: null,
    currency: args.currency,
    billingReason: args.billingReason,
    periodStart: args.period.start,
    periodEnd: args.period.end,
    subtotal: 0n,
    total: 0n,
    startingBalance: 0n,
    endingBalance: 0n,
    amountDue: 0n,
    amountPaid: 0n,
    attemptCount: 0,
    nextPaymentAttempt: null,
    payment: null,
    lastPaymentError: null,
    hostedToken: randomBytes(32).toString("base64url"),
    customerEmail: customer.email,
    customerName: customer.name,
    description: args.description ?? null,
    renewalKey: args.renewalKey ?? null,
    metadata: {},
    finalizedAt: null,
    paidAt: null,
    voidedAt: null,
    markedUncollectibleAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(invoices).values(invoice);
  const rows = args.lines.map((l) => lineRow(ctx, l, { invoice: invoice.id, subscription: args.subscription, currency: args.currency }));
  if (rows.length) await tx.insert(invoiceLines).values(rows);
  let pending: InvoiceLineRow[] = [];
  if (args.takePending && args.subscription) {
    pending = await tx
      .update(invoiceLines)
      .set({ invoice: invoice.id })
      .where(and(eq(invoiceLines.subscription, args.subscription), isNull(invoiceLines.invoice)))
      .returning();
  }
  const lines = [...pending, ...rows].sort((a, b) => a.id.localeCompare(b.id));
  const totals = invoiceTotals(lines);
  const [drafted] = await tx.update(invoices).set({ subtotal: totals.subtotal, total: totals.total }).where(eq(invoices.id, invoice.id)).returning();
  changes.event("invoice.created", serializeInvoice(drafted!, lines));
  return { invoice: drafted!, lines };
}

/**
 * draft → open: fixes the totals, applies the customer's balance (credit first), takes the next number and,
 * when nothing is left to pay, marks it paid at once (as Stripe does with a zero-amount invoice).
 */
export async function finalizeDraft(
  tx: Transaction,
  ctx: Tenant,
  changes: Changes,
  invoice: InvoiceRow,
  lines: readonly InvoiceLineRow[],
): Promise<InvoiceRow> {
  const customer = await loadCustomer(tx, ctx, invoice.customer, { lock: true, param: "customer" });
  // Less than the currency's smallest charge is not charged: it is carried to the customer's balance, as at Stripe.
  const totals = finalInvoiceTotals(lines, customer.balance, minimumChargeAmount(invoice.currency));
  if (totals.endingBalance !== customer.balance) {
    await tx.update(customers).set({ balance: totals.endingBalance }).where(eq(customers.id, customer.id));
  }
  const [seq] = await tx
    .insert(invoiceSequences)
    .values({ merchantId: ctx.merchantId, livemode: ctx.livemode, next: 2 })
    .onConflictDoUpdate({ target: [invoiceSequences.merchantId, invoiceSequences.livemode], set: { next: sql`${invoiceSequences.next} + 1` } })
    .returning({ next: invoiceSequences.next });
  const now = new Date();
  const paid = totals.amountDue === 0n;
  const [finalized] = await tx
    .update(invoices)
    .set({
      status: paid ? "paid" : "open",
      number: invoiceNumber(seq!.next - 1),
      subtotal: totals.subtotal,
      total: totals.total,
      startingBalance: totals.startingBalance,
      endingBalance: totals.endingBalance,
      amountDue: totals.amountDue,
      finalizedAt: now,
      ...(paid ? { paidAt: now } : {}),
    })
    .where(eq(invoices.id, invoice.id))
    .returning();
  const object = serializeInvoice(finalized!, lines);
  changes.event("invoice.finalized", object);
  if (paid) changes.event("invoice.paid", object);
  changes.audit({
    action: "invoice.finalized",
    targetType: "invoice",
    targetId: invoice.id,
    metadata: { number: finalized!.number, amount_due: Number(totals.amountDue) },
  });
  return finalized!;
}
