import type { SubscriptionRow } from "@/db/schema";
import { serializePrice } from "@/lib/products/serialize";
import type { ItemWithPrice } from "./load";
import type { z } from "zod";
import type { SubscriptionObject as SubscriptionSchema } from "./subscription-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);
const unixOrNull = (d: Date | null) => (d ? unix(d) : null);

/** The API's `subscription` object (Stripe's shape for the fields Kassa keeps), items with their prices inline. */
export function serializeSubscription(s: SubscriptionRow, items: readonly ItemWithPrice[]) {
  return {
    id: s.id,
    object: "subscription" as const,
    customer: s.customer,
    status: s.status,
    /** Why it is incomplete or past due: the missing payment method or the latest decline. */
    status_reason: s.statusReason,
    currency: s.currency,
    items: {
      object: "list" as const,
      data: items.map(({ item, price }) => ({
        id: item.id,
        object: "subscription_item" as const,
        subscription: item.subscription,
        price: serializePrice(price),
        quantity: item.quantity,
        created: unix(item.createdAt),
      })),
      has_more: false,
      url: `/api/v1/subscriptions/${s.id}`,
    },
    plan_interval: { interval: s.interval, interval_count: s.intervalCount },
    default_payment_method: s.defaultPaymentMethod,
    billing_cycle_anchor: unix(s.billingCycleAnchor),
    current_period_start: unix(s.currentPeriodStart),
    current_period_end: unix(s.currentPeriodEnd),
    trial_start: unixOrNull(s.trialStart),
    trial_end: unixOrNull(s.trialEnd),
    cancel_at_period_end: s.cancelAtPeriodEnd,
    cancel_at: s.cancelAtPeriodEnd ? unix(s.currentPeriodEnd) : null,
    canceled_at: unixOrNull(s.canceledAt),
    ended_at: unixOrNull(s.endedAt),
    paused_at: unixOrNull(s.pausedAt),
    cancellation_details: { reason: s.cancellationReason },
    latest_invoice: s.latestInvoice,
    metadata: s.metadata,
    livemode: s.livemode,
    start_date: unix(s.createdAt),
    created: unix(s.createdAt),
  } satisfies z.input<typeof SubscriptionSchema>;
}
export type SubscriptionObject = ReturnType<typeof serializeSubscription>;
