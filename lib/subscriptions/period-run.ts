import type { SubscriptionRow } from "@/db/schema";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import type { Changes } from "@/lib/service/commit";

/** How long a first invoice may stay unpaid before the subscription is incomplete_expired (Stripe: 23 hours). */
export const INCOMPLETE_TTL_MS = 23 * 3_600_000;
/** The trial-ending reminder goes this long before the trial ends (Stripe: 3 days). */
export const TRIAL_REMINDER_MS = 3 * 86_400_000;

/** What the period's run gets as event.data (strings only, as internal events carry). */
export interface PeriodRunData {
  merchant: string;
  livemode: "true" | "false";
  subscription: string;
  customer: string;
  periodStart: string;
  periodEnd: string;
  trialEnd?: string;
  incompleteUntil?: string;
}

/**
 * Declares, in the commit that starts a period, the one durable run that renews it at its end: committed with
 * the change, so a period is never without its run and never has two (the outbox id is the event's id).
 */
export function declarePeriodRun(changes: Changes, sub: SubscriptionRow): string {
  const data: PeriodRunData = {
    merchant: sub.merchantId,
    livemode: sub.livemode ? "true" : "false",
    subscription: sub.id,
    customer: sub.customer,
    periodStart: sub.currentPeriodStart.toISOString(),
    periodEnd: sub.currentPeriodEnd.toISOString(),
    ...(sub.status === "trialing" && sub.trialEnd ? { trialEnd: sub.trialEnd.toISOString() } : {}),
    ...(sub.status === "incomplete" ? { incompleteUntil: new Date(sub.createdAt.getTime() + INCOMPLETE_TTL_MS).toISOString() } : {}),
  };
  return declareInternalEvent(changes, INTERNAL_EVENTS.subscriptionPeriod, { ...data });
}

/** Tells a dunning run waiting on this customer that there is a new card to try. */
export function declarePaymentMethodUpdated(changes: Changes, t: { merchantId: string; livemode: boolean }, customer: string): string {
  return declareInternalEvent(changes, INTERNAL_EVENTS.paymentMethodUpdated, { merchant: t.merchantId, livemode: t.livemode ? "true" : "false", customer });
}
