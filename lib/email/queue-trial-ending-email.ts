import { and, eq, isNull } from "drizzle-orm";
import { createElement } from "react";
import type { Executor } from "@/db/client";
import { invoiceLines, type CustomerRow, type SubscriptionRow } from "@/db/schema";
import { invoiceTotals } from "@/lib/billing/invoice-totals";
import { addInterval, periodAfterTrial, type Interval } from "@/lib/billing/periods";
import { findPaymentMethod, loadCustomer, sameTenant } from "@/lib/customers/load";
import { formatMoney, minimumChargeAmount } from "@/lib/money";
import { executor, type ServiceContext } from "@/lib/service/context";
import { itemLines, productNames } from "@/lib/subscriptions/item-lines";
import { itemsOf, loadSubscription, type ItemWithPrice } from "@/lib/subscriptions/load";
import { renderEmail } from "./render-email";
import { businessNameOf, cardLabel, emailDate, storeCustomerEmail } from "./store-customer-email";
import { TrialEnding } from "./templates/trial-ending";

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * Reminds the customer that their trial ends (sent with `customer.subscription.trial_will_end`), once per
 * subscription and trial end: what will be charged then and to which card, or that nothing will be, for a
 * subscription set to end with its trial. `trialEnd` is the trial the event was about; the subscription is
 * read fresh, and a trial that has ended, been cut short or extended meanwhile gets no email from this event.
 * Returns the email's id, or null when there is nothing to send (no longer in that trial, no customer email).
 */
export async function queueTrialEndingEmail({
  ctx,
  subscriptionId,
  trialEnd,
}: {
  ctx: ServiceContext;
  subscriptionId: string;
  trialEnd: Date;
}): Promise<string | null> {
  const db = await executor(ctx);
  const sub = await loadSubscription(db, ctx, subscriptionId, { param: "subscription" });
  if (sub.status !== "trialing" || !sub.trialEnd || seconds(sub.trialEnd) !== seconds(trialEnd)) return null;
  const customer = await loadCustomer(db, ctx, sub.customer).catch(() => null);
  if (!customer?.email) return null;
  const items = await itemsOf(db, sub.id);
  const names = await productNames(
    db,
    items.map((i) => i.price),
  );
  const plan = [...new Set(items.map(({ price }) => price.nickname ?? names.get(price.product) ?? price.id))].join(" and ");
  const amount = sub.cancelAtPeriodEnd ? null : await firstCharge(db, sub, customer, items, names);
  const method = sub.defaultPaymentMethod ?? customer.defaultPaymentMethod;
  const pm = method ? await findPaymentMethod(db, method) : null;
  const businessName = await businessNameOf(db, ctx);
  const { html, text } = await renderEmail(
    createElement(TrialEnding, {
      businessName,
      plan,
      trialEnd: emailDate(sub.trialEnd),
      amount: amount === null ? null : formatMoney(amount, sub.currency),
      chargeTo: pm && sameTenant(ctx, pm) ? cardLabel(pm.card) : null,
      testMode: !ctx.livemode,
    }),
  );
  return storeCustomerEmail(ctx, {
    kind: "trial_ending",
    objectId: `${sub.id}:${seconds(sub.trialEnd)}`,
    to: customer.email,
    subject: `Your ${plan} trial with ${businessName} ends on ${emailDate(sub.trialEnd)}`,
    html,
    text,
  });
}

/**
 * What the renewal at the trial's end will charge, computed as renewSubscription and finalizeDraft will:
 * each item for the first paid period (its share when an anchor makes that period short), the pending
 * prorations, the customer's balance, and nothing below the currency's smallest charge.
 */
async function firstCharge(db: Executor, sub: SubscriptionRow, customer: CustomerRow, items: ItemWithPrice[], names: Map<string, string>): Promise<bigint> {
  const interval = sub.interval as Interval;
  const period = periodAfterTrial(sub.trialEnd!, interval, sub.intervalCount, sub.billingCycleAnchor);
  const whole = { start: addInterval(period.end, interval, sub.intervalCount, -1), end: period.end };
  const billed = items.map(({ item, price }) => ({ id: item.id, price, quantity: item.quantity }));
  const lines = itemLines(billed, names, period, period.start.getTime() > whole.start.getTime() ? { fullPeriod: whole } : {});
  const pending = await db
    .select({ amount: invoiceLines.amount })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.subscription, sub.id), isNull(invoiceLines.invoice)));
  const { amountDue } = invoiceTotals([...lines, ...pending], customer.balance);
  return amountDue < minimumChargeAmount(sub.currency) ? 0n : amountDue;
}
