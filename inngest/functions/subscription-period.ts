import { eventType } from "inngest";
import { z } from "zod";
import { collectInvoiceStep } from "@/lib/invoices/collect-invoice-step";
import { endDunning } from "@/lib/subscriptions/end-dunning";
import { expireIncompleteSubscription } from "@/lib/subscriptions/expire-incomplete-subscription";
import { notifyTrialWillEnd } from "@/lib/subscriptions/notify-trial-will-end";
import { TRIAL_REMINDER_MS } from "@/lib/subscriptions/period-run";
import { notifyUpcomingRenewal, UPCOMING_NOTICE_MS } from "@/lib/subscriptions/notify-upcoming-renewal";
import { renewSubscription } from "@/lib/subscriptions/renew-subscription";
import { INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { systemActor } from "@/lib/service/context";
import { inngest } from "../client";

const periodStarted = eventType(INTERNAL_EVENTS.subscriptionPeriod, {
  schema: z.object({
    merchant: z.string(),
    livemode: z.enum(["true", "false"]),
    subscription: z.string(),
    customer: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    trialEnd: z.string().optional(),
    incompleteUntil: z.string().optional(),
  }),
});

/** A dunning run gives up waiting for a processor answer after this many checks (reconcile-payments keeps going). */
const MAX_PENDING_CHECKS = 12;

/**
 * One durable run per subscription period: it sleeps until the period ends, renews the subscription
 * (next period, its invoice, the next period's run — one commit), then collects the invoice: a first try
 * at once and, if it fails, retries on the merchant's schedule, waking early when the customer gets a new
 * default card. After the last failed try the subscription becomes unpaid or canceled (merchant setting).
 * An incomplete subscription's run first expires it after 23 hours unless it was paid; a trial's run sends
 * `trial_will_end` three days before the trial ends, and any other period `invoice.upcoming` a week before it ends. Every step is safe to repeat: a run resumed after a
 * crash makes no second invoice and no second charge.
 */
export const subscriptionPeriodFn = inngest.createFunction({ id: "subscription-period", triggers: [periodStarted], retries: 10 }, async ({ event, step }) => {
  const d = event.data;
  const ctx = { merchantId: d.merchant, livemode: d.livemode === "true", actor: systemActor("subscription-renewal") };
  if (d.incompleteUntil) {
    await step.sleepUntil("incomplete-expiry", new Date(d.incompleteUntil));
    const { expired } = await step.run("expire-if-incomplete", () => expireIncompleteSubscription({ ctx, subscriptionId: d.subscription }));
    if (expired) return { outcome: "incomplete_expired" };
  }
  if (d.trialEnd) {
    const remindAt = new Date(Date.parse(d.trialEnd) - TRIAL_REMINDER_MS);
    if (remindAt.getTime() > Date.parse(d.periodStart)) {
      await step.sleepUntil("trial-reminder", remindAt);
      await step.run("trial-will-end", () => notifyTrialWillEnd({ ctx, subscriptionId: d.subscription, trialEnd: new Date(d.trialEnd!) }));
    }
  }
  const upcomingAt = Date.parse(d.periodEnd) - UPCOMING_NOTICE_MS;
  if (!d.trialEnd && upcomingAt > Date.parse(d.periodStart)) {
    await step.sleepUntil("upcoming-notice", new Date(upcomingAt));
    await step.run("invoice-upcoming", () => notifyUpcomingRenewal({ ctx, subscriptionId: d.subscription, periodEnd: new Date(d.periodEnd) }));
  }
  await step.sleepUntil("period-end", new Date(d.periodEnd));
  const renewal = await step.run("renew", () => renewSubscription({ ctx, subscriptionId: d.subscription, periodEnd: new Date(d.periodEnd) }));
  if (!renewal.collect || !renewal.invoice) return renewal;
  const invoiceId = renewal.invoice;

  let outcome = await step.run("charge-1", () => collectInvoiceStep({ ctx, invoiceId }));
  let pendingChecks = 0;
  for (let n = 2; outcome.status === "failed" || outcome.status === "pending"; n++) {
    if (outcome.status === "pending") {
      if (++pendingChecks > MAX_PENDING_CHECKS) return { ...renewal, collection: "pending" };
      await step.sleep(`await-answer-${n}`, "5m");
    } else {
      // A hard decline has no scheduled retry, but a new card still gets one until the schedule would have ended.
      const deadline = outcome.retryAt ?? outcome.giveUpAt;
      if (!deadline) break;
      const card = await step.waitForEvent(`new-card-${n}`, {
        event: INTERNAL_EVENTS.paymentMethodUpdated,
        match: "data.customer",
        timeout: new Date(deadline),
      });
      if (!card && !outcome.retryAt) break;
    }
    outcome = await step.run(`charge-${n}`, () => collectInvoiceStep({ ctx, invoiceId }));
  }
  if (outcome.status === "failed") {
    const ended = await step.run("end-dunning", () => endDunning({ ctx, subscriptionId: d.subscription, invoiceId }));
    return { ...renewal, collection: "failed", subscription: ended.status };
  }
  return { ...renewal, collection: outcome.status };
});
