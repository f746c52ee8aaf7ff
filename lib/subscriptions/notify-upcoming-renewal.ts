import { and, eq, isNull } from "drizzle-orm";
import { invoiceLines } from "@/db/schema";
import { periodAt, type Interval } from "@/lib/billing/periods";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { itemsOf, loadSubscription } from "./load";

/** invoice.upcoming goes this long before a renewal, for periods longer than it (Stripe's default notice: 7 days). */
export const UPCOMING_NOTICE_MS = 7 * 86_400_000;

/**
 * A week before a renewal (system verb): `invoice.upcoming` with what the renewal will bill — each item for
 * the next period plus the pending prorations — as Stripe's preview invoice (no id: it does not exist yet).
 * Nothing when the subscription will not renew (canceled, set to cancel, paused) or the period moved.
 */
export async function notifyUpcomingRenewal({ ctx, subscriptionId, periodEnd }: { ctx: ServiceContext; subscriptionId: string; periodEnd: Date }) {
  return commit(ctx, async (tx, changes) => {
    const sub = await loadSubscription(tx, ctx, subscriptionId, { lock: true });
    const renews = ["active", "trialing", "past_due"].includes(sub.status) && !sub.cancelAtPeriodEnd;
    if (!renews || sub.currentPeriodEnd.getTime() !== periodEnd.getTime()) return { sent: false };
    const next = periodAt(sub.billingCycleAnchor, sub.interval as Interval, sub.intervalCount, periodEnd);
    const items = await itemsOf(tx, sub.id);
    const pending = await tx
      .select()
      .from(invoiceLines)
      .where(and(eq(invoiceLines.subscription, sub.id), isNull(invoiceLines.invoice)));
    const lines = [
      ...items.map(({ item, price }) => ({
        amount: price.unitAmount * BigInt(item.quantity),
        description: null,
        quantity: item.quantity,
        price: price.id,
        proration: false,
      })),
      ...pending.map((l) => ({ amount: l.amount, description: l.description, quantity: l.quantity, price: l.price, proration: true })),
    ];
    const total = lines.reduce((sum, l) => sum + l.amount, 0n);
    changes.event("invoice.upcoming", {
      id: null,
      object: "invoice",
      customer: sub.customer,
      subscription: sub.id,
      currency: sub.currency,
      billing_reason: "upcoming",
      period_start: Math.floor(next.start.getTime() / 1000),
      period_end: Math.floor(next.end.getTime() / 1000),
      next_payment_attempt: Math.floor(periodEnd.getTime() / 1000),
      lines: { object: "list", data: lines.map((l) => ({ ...l, amount: Number(l.amount) })), has_more: false },
      subtotal: Number(total),
      total: Number(total),
      amount_due: Number(total > 0n ? total : 0n),
      livemode: sub.livemode,
    });
    return { sent: true };
  });
}
