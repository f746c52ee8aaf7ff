import { subscriptionItems, subscriptions, type PriceRow, type SubscriptionRow } from "@/db/schema";
import { addInterval, trialEnd, type Interval, type Period } from "@/lib/billing/periods";
import { draftInvoice, finalizeDraft } from "@/lib/invoices/build-invoice";
import { collectInvoice } from "@/lib/invoices/collect-invoice";
import { loadCustomer, loadPaymentMethod } from "@/lib/customers/load";
import { loadPrice } from "@/lib/products/load";
import { newId } from "@/lib/ids";
import { MAX_AMOUNT, toDecimalString } from "@/lib/money";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { recoveryOf } from "@/lib/service/recovery";
import { requirePermission } from "@/lib/service/roles";
import { eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { CreateSubscriptionInput } from "./inputs";
import { itemLines, productNames, type BilledItem } from "./item-lines";
import { itemsOf, loadSubscription } from "./load";
import { declarePeriodRun } from "./period-run";
import { serializeSubscription, type SubscriptionObject } from "./serialize";

const POINT = "subscription_created";

/**
 * POST /api/v1/subscriptions. With a trial the subscription is `trialing` and its first invoice is for zero;
 * otherwise the first period is invoiced and charged at once to the default card (the subscription's, else
 * the customer's). As with Stripe's default payment behaviour, a failed or impossible first payment is no
 * error: the subscription is `incomplete`, its `status_reason` says why, and it expires after 23 hours
 * unless its first invoice is paid.
 *
 * Exactly once across crashes: the subscription, its first invoice and its period's run are one commit with
 * the request's recovery point; the charge is the invoice's (collectInvoice), which resumes and never repeats.
 *
 * `periodRun: false` leaves out the period's run, for a caller that dates the subscription back and declares
 * the run of the period it then has in that same commit (the demo seed, lib/demo/seed-subscriptions.ts): the
 * period made now never exists, and its run would only sleep to its end and find it gone.
 */
export async function createSubscription({
  ctx,
  input,
  periodRun = true,
}: {
  ctx: ServiceContext;
  input: unknown;
  periodRun?: boolean;
}): Promise<SubscriptionObject> {
  requirePermission(ctx, "subscriptions:write");
  const data = parseWith(CreateSubscriptionInput, input);
  const resumed = recoveryOf<{ subscriptionId: string }>(ctx, POINT)?.subscriptionId;
  const made = resumed ? { id: resumed } : await commit(ctx, (tx, changes) => createIn(tx, ctx, changes, data, periodRun));
  const db = await executor(ctx);
  const sub = await loadSubscription(db, ctx, made.id);
  if (sub.status === "incomplete" && sub.latestInvoice && !sub.statusReason) {
    await collectInvoice({ ctx, invoiceId: sub.latestInvoice });
  }
  return commit(ctx, async (tx) => serializeSubscription(await loadSubscription(tx, ctx, made.id), await itemsOf(tx, made.id)), {
    respond: (object) => object,
  });
}

async function createIn(
  tx: Transaction,
  ctx: ServiceContext,
  changes: Parameters<Parameters<typeof commit>[1]>[1],
  data: CreateSubscriptionInput,
  periodRun: boolean,
) {
  const now = new Date();
  const customer = await loadCustomer(tx, ctx, data.customer, { param: "customer" });
  const prices = await loadPrices(tx, ctx, data.items);
  const first = prices[0]!;
  const interval = first.recurringInterval as Interval;
  const count = first.recurringIntervalCount!;
  if (data.default_payment_method) {
    const pm = await loadPaymentMethod(tx, ctx, data.default_payment_method, "default_payment_method");
    if (pm.customer !== customer.id) {
      throw new KassaError("payment_method_unexpected_state", `PaymentMethod ${pm.id} is not attached to customer ${customer.id}; attach it first.`, {
        param: "default_payment_method",
      });
    }
  }
  const anchorAt = data.billing_cycle_anchor !== undefined ? new Date(data.billing_cycle_anchor * 1000) : null;
  const trialUntil = data.trial_period_days !== undefined ? trialEnd(now, data.trial_period_days) : null;
  if (anchorAt) checkAnchor(anchorAt, trialUntil ?? now, interval, count);

  const id = newId("subscription");
  const items: BilledItem[] = data.items.map((item, i) => ({ id: newId("subscriptionItem"), price: prices[i]!, quantity: item.quantity ?? 1 }));
  const perPeriod = items.reduce((sum, item) => sum + item.price.unitAmount * BigInt(item.quantity), 0n);
  if (perPeriod > MAX_AMOUNT) {
    throw new KassaError(
      "amount_too_large",
      `A period of this subscription would cost more than ${toDecimalString(MAX_AMOUNT, first.currency)} ${first.currency}.`,
      {
        param: "items",
      },
    );
  }

  // The first period: the trial; or up to the anchor (a shorter, prorated period); or one whole interval.
  let period: Period;
  let fullPeriod: Period | undefined;
  if (trialUntil) period = { start: now, end: trialUntil };
  else if (anchorAt) {
    period = { start: now, end: anchorAt };
    fullPeriod = { start: addInterval(anchorAt, interval, count, -1), end: anchorAt };
  } else period = { start: now, end: addInterval(now, interval, count) };
  const paymentMethod = data.default_payment_method ?? customer.defaultPaymentMethod;

  const row: SubscriptionRow = {
    id,
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    customer: customer.id,
    status: trialUntil ? "trialing" : "incomplete",
    currency: first.currency,
    interval,
    intervalCount: count,
    defaultPaymentMethod: data.default_payment_method ?? null,
    billingCycleAnchor: anchorAt ?? period.end,
    currentPeriodStart: period.start,
    currentPeriodEnd: period.end,
    trialStart: trialUntil ? now : null,
    trialEnd: trialUntil,
    cancelAtPeriodEnd: data.cancel_at_period_end ?? false,
    canceledAt: null,
    endedAt: null,
    pausedAt: null,
    cancellationReason: null,
    statusReason:
      !trialUntil && !paymentMethod
        ? {
            code: "payment_method_missing",
            message: `Customer ${customer.id} has no default payment method, so the first invoice could not be charged. Attach a card and pay the invoice within 23 hours.`,
          }
        : null,
    latestInvoice: null,
    metadata: data.metadata ?? {},
    createdAt: now,
    updatedAt: now,
  };
  // Without an anchor the first period's end is the anchor (Stripe: the subscription's start).
  if (!anchorAt && !trialUntil) row.billingCycleAnchor = now;
  await tx.insert(subscriptions).values(row);
  await tx.insert(subscriptionItems).values(
    items.map((item) => ({
      id: item.id,
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      subscription: id,
      price: item.price.id,
      quantity: item.quantity,
    })),
  );
  const names = await productNames(tx, prices);
  const draft = await draftInvoice(tx, ctx, changes, {
    customer: customer.id,
    subscription: id,
    currency: first.currency,
    billingReason: "subscription_create",
    period,
    lines: itemLines(items, names, period, { free: trialUntil !== null, ...(fullPeriod ? { fullPeriod } : {}) }),
  });
  const invoice = await finalizeDraft(tx, ctx, changes, draft.invoice, draft.lines);
  // A first invoice with nothing to pay (a trial, a free price) makes the subscription active at once.
  const status = trialUntil ? "trialing" : invoice.status === "paid" ? "active" : "incomplete";
  const [created] = await tx
    .update(subscriptions)
    .set({ latestInvoice: invoice.id, status, ...(status === "active" ? { statusReason: null } : {}) })
    .where(eq(subscriptions.id, id))
    .returning();
  changes.event("customer.subscription.created", serializeSubscription(created!, await itemsOf(tx, id)));
  changes.audit({ action: "subscription.created", targetType: "subscription", targetId: id, metadata: { customer: customer.id, status } });
  if (periodRun) declarePeriodRun(changes, created!);
  changes.recoveryPoint(POINT, { subscriptionId: id });
  return { id };
}

/** The items' prices: the merchant's, active, recurring, one currency and one interval, no price twice. */
async function loadPrices(db: Executor, ctx: ServiceContext, items: ReadonlyArray<{ price: string }>): Promise<PriceRow[]> {
  const prices: PriceRow[] = [];
  for (const [i, item] of items.entries()) {
    const param = `items[${i}][price]`;
    const price = await loadPrice(db, ctx, item.price, { param });
    if (!price.active) throw new KassaError("price_inactive", `Price ${price.id} is archived; it cannot start a subscription.`, { param });
    if (price.type !== "recurring") {
      throw new KassaError("price_not_recurring", `Price ${price.id} is a one-off price; a subscription needs recurring prices.`, { param });
    }
    const first = prices[0];
    if (first && price.currency !== first.currency) {
      throw new KassaError(
        "currency_mismatch",
        `All items of a subscription share one currency: ${price.id} is ${price.currency}, ${first.id} is ${first.currency}.`,
        {
          param,
        },
      );
    }
    if (first && (price.recurringInterval !== first.recurringInterval || price.recurringIntervalCount !== first.recurringIntervalCount)) {
      throw new KassaError("interval_mismatch", `All items of a subscription bill on one interval: ${price.id} differs from ${first.id}.`, { param });
    }
    if (prices.some((p) => p.id === price.id))
      throw new KassaError("parameter_invalid", `Price ${price.id} is on this subscription twice; use quantity.`, { param });
    prices.push(price);
  }
  return prices;
}

/** A billing_cycle_anchor lies after the first period's start and no more than one interval away (Stripe's rule). */
function checkAnchor(anchor: Date, start: Date, interval: Interval, count: number): void {
  if (anchor.getTime() <= start.getTime() || anchor.getTime() > addInterval(start, interval, count).getTime()) {
    throw new KassaError("parameter_invalid", "billing_cycle_anchor must lie after the start (or the trial's end) and within one billing interval of it.", {
      param: "billing_cycle_anchor",
    });
  }
}
