import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { invoiceLines, type SubscriptionRow } from "@/db/schema";
import { finalInvoiceTotals } from "@/lib/billing/invoice-totals";
import { loadCustomer } from "@/lib/customers/load";
import { minimumChargeAmount } from "@/lib/money";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { loadSubscription } from "@/lib/subscriptions/load";
import { renewalLines } from "@/lib/subscriptions/renewal-lines";
import { serializeInvoiceLine } from "./serialize";
import type { UpcomingInvoiceObject } from "./invoice-object";

export const UpcomingInvoiceQuery = z.strictObject({ subscription: z.string().min(1).max(255) });

/** Statuses whose period's end makes no invoice (renewSubscription skips them). */
const NO_RENEWAL: ReadonlySet<SubscriptionRow["status"]> = new Set(["canceled", "incomplete", "incomplete_expired", "paused"]);

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * GET /api/v1/invoices/upcoming?subscription=sub_… — what the subscription's next renewal will bill, made
 * from the same lines the renewal makes (renewalLines): each item for the next period, plus the pending
 * proration lines (invoice_lines with no invoice yet) it will take, totals after the customer's balance.
 * A pure read: nothing is stored, numbered or charged. The preview has no id; its lines that do not exist
 * yet have none either. When no renewal is coming, Stripe's `invoice_upcoming_none`.
 */
export async function previewUpcomingInvoice({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  requirePermission(ctx, "invoices:read");
  const q = parseWith(UpcomingInvoiceQuery, input ?? {});
  const db = await executor(ctx);
  const sub = await loadSubscription(db, ctx, q.subscription, { param: "subscription" });
  if (NO_RENEWAL.has(sub.status) || sub.cancelAtPeriodEnd) {
    const why = sub.cancelAtPeriodEnd && !NO_RENEWAL.has(sub.status) ? "is set to cancel at the end of its period" : `is ${sub.status}`;
    throw new KassaError("invoice_upcoming_none", `No upcoming invoice: subscription ${sub.id} ${why}.`, { param: "subscription" });
  }
  const [{ period, lines }, pending, customer] = await Promise.all([
    renewalLines(db, sub, sub.currentPeriodEnd),
    db
      .select()
      .from(invoiceLines)
      .where(
        and(
          eq(invoiceLines.merchantId, ctx.merchantId),
          eq(invoiceLines.livemode, ctx.livemode),
          eq(invoiceLines.subscription, sub.id),
          isNull(invoiceLines.invoice),
        ),
      )
      .orderBy(asc(invoiceLines.id)),
    loadCustomer(db, ctx, sub.customer, { param: "customer" }),
  ]);
  // Shaped as serializeInvoiceLine's lines; a line that does not exist yet has no id.
  const renewal = lines.map((l) => ({
    id: null,
    object: "line_item" as const,
    amount: Number(l.amount),
    currency: sub.currency,
    description: l.description,
    quantity: l.quantity,
    price: l.price ?? null,
    proration: l.proration,
    subscription: sub.id,
    subscription_item: l.subscriptionItem ?? null,
    period: { start: unix(l.period.start), end: unix(l.period.end) },
  }));
  const totals = finalInvoiceTotals([...lines, ...pending], customer.balance, minimumChargeAmount(sub.currency));
  return {
    id: null,
    object: "invoice" as const,
    number: null,
    status: "draft" as const,
    customer: sub.customer,
    customer_email: customer.email,
    customer_name: customer.name,
    subscription: sub.id,
    billing_reason: "subscription_cycle" as const,
    collection_method: "charge_automatically" as const,
    currency: sub.currency,
    period_start: unix(period.start),
    period_end: unix(period.end),
    // Pending prorations first (they are older), then the next period's items, as the renewal invoice lists them.
    lines: { object: "list" as const, data: [...pending.map(serializeInvoiceLine), ...renewal], has_more: false, url: "/api/v1/invoices/upcoming/lines" },
    subtotal: Number(totals.subtotal),
    total: Number(totals.total),
    starting_balance: Number(totals.startingBalance),
    ending_balance: Number(totals.endingBalance),
    amount_due: Number(totals.amountDue),
    amount_paid: 0,
    amount_remaining: Number(totals.amountDue),
    attempt_count: 0,
    attempted: false,
    /** When the renewal makes it and first tries to charge it: the current period's end. */
    next_payment_attempt: unix(sub.currentPeriodEnd),
    hosted_invoice_url: null,
    invoice_pdf: null,
    livemode: sub.livemode,
    created: unix(sub.currentPeriodEnd),
  } satisfies z.input<typeof UpcomingInvoiceObject>;
}

export type UpcomingInvoice = Awaited<ReturnType<typeof previewUpcomingInvoice>>;
