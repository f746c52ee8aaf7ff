import type { InvoiceLineRow, InvoiceRow, InvoiceStatus } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { amountRemaining } from "./serialize";

/**
 * What a customer reads on an invoice, as text: the hosted page and its PDF both render this one
 * description, so they can never disagree. Amounts are formatted from integer minor units (formatMoney),
 * dates in UTC.
 */
export interface InvoiceDocument {
  businessName: string;
  number: string;
  status: InvoiceStatus;
  statusLabel: string;
  testMode: boolean;
  currency: string;
  customerName: string | null;
  customerEmail: string | null;
  description: string | null;
  /** Dates, "Dec 2, 2026" (UTC). */
  issued: string | null;
  paidAt: string | null;
  voidedAt: string | null;
  period: string;
  lines: InvoiceDocumentLine[];
  /** Subtotal, total, starting balance (when there is one), amount due, amount paid, amount remaining. */
  totals: { key: "subtotal" | "total" | "starting_balance" | "amount_due" | "amount_paid" | "amount_remaining"; label: string; value: string }[];
  amountDue: string;
  amountPaid: string;
  amountRemaining: string;
  /** Open or uncollectible with something left to pay: the page offers to pay it. */
  payable: boolean;
}

export interface InvoiceDocumentLine {
  description: string;
  quantity: number;
  amount: string;
  proration: boolean;
  period: string;
}

const STATUS_LABELS: Record<InvoiceStatus, string> = { draft: "Draft", open: "Open", paid: "Paid", void: "Void", uncollectible: "Uncollectible" };

const dateFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });
export const utcDate = (d: Date) => dateFormat.format(d);
const span = (start: Date, end: Date) => `${utcDate(start)} – ${utcDate(end)}`;

export function describeInvoice(
  invoice: InvoiceRow,
  lines: readonly InvoiceLineRow[],
  businessName: string,
  money: (amount: bigint, currency: string) => string = formatMoney,
): InvoiceDocument {
  const m = (amount: bigint) => money(amount, invoice.currency);
  const remaining = amountRemaining(invoice);
  const totals: InvoiceDocument["totals"] = [
    { key: "subtotal", label: "Subtotal", value: m(invoice.subtotal) },
    { key: "total", label: "Total", value: m(invoice.total) },
  ];
  // Stripe's sign: negative is the customer's credit, applied to this invoice; positive is carried debt.
  if (invoice.startingBalance !== 0n) totals.push({ key: "starting_balance", label: "Starting balance", value: m(invoice.startingBalance) });
  totals.push(
    { key: "amount_due", label: "Amount due", value: m(invoice.amountDue) },
    { key: "amount_paid", label: "Amount paid", value: m(invoice.amountPaid) },
    { key: "amount_remaining", label: "Amount remaining", value: m(remaining) },
  );
  return {
    businessName,
    number: invoice.number ?? "Draft",
    status: invoice.status,
    statusLabel: STATUS_LABELS[invoice.status],
    testMode: !invoice.livemode,
    currency: invoice.currency,
    customerName: invoice.customerName,
    customerEmail: invoice.customerEmail,
    description: invoice.description,
    issued: invoice.finalizedAt ? utcDate(invoice.finalizedAt) : null,
    paidAt: invoice.paidAt ? utcDate(invoice.paidAt) : null,
    voidedAt: invoice.voidedAt ? utcDate(invoice.voidedAt) : null,
    period: span(invoice.periodStart, invoice.periodEnd),
    lines: lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      amount: m(l.amount),
      proration: l.proration,
      period: span(l.periodStart, l.periodEnd),
    })),
    totals,
    amountDue: m(invoice.amountDue),
    amountPaid: m(invoice.amountPaid),
    amountRemaining: m(remaining),
    payable: (invoice.status === "open" || invoice.status === "uncollectible") && remaining > 0n,
  };
}
