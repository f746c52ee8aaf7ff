import { eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoiceLines, subscriptionItems, type PriceRow, type SubscriptionRow } from "@/db/schema";
import { planSubscriptionUpdate, type ProrationLine, type SubscriptionItemState } from "@/lib/billing/proration";
import { draftInvoice, finalizeDraft, lineRow, type NewLine } from "@/lib/invoices/build-invoice";
import { collectInvoice } from "@/lib/invoices/collect-invoice";
import { loadPaymentMethod } from "@/lib/customers/load";
import { loadPrice } from "@/lib/products/load";
import { newId } from "@/lib/ids";
import { commit, type Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { recoveryOf } from "@/lib/service/recovery";
import { requirePermission } from "@/lib/service/roles";
import { UpdateSubscriptionInput } from "./inputs";
import { itemsOf, loadSubscription, subscriptionUnexpectedState, type ItemWithPrice } from "./load";
import { declarePaymentMethodUpdated } from "./period-run";
import { serializeSubscription, type SubscriptionObject } from "./serialize";
import { setSubscription } from "./set-subscription";

const POINT = "subscription_updated";
const CHANGEABLE: ReadonlySet<SubscriptionRow["status"]> = new Set(["trialing", "active", "past_due", "unpaid", "incomplete", "paused"]);

/**
 * POST /api/v1/subscriptions/:id — change items (price or quantity; add; remove), the default card,
 * cancel_at_period_end or metadata. Item changes in a paid period are prorated to the second
 * (`proration_behavior`): `create_prorations` (default) leaves the lines for the next invoice,
 * `always_invoice` invoices and charges them now, `none` makes none. A trial is never prorated.
 */
export async function updateSubscription({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<SubscriptionObject> {
  requirePermission(ctx, "subscriptions:write");
  const data = parseWith(UpdateSubscriptionInput, input ?? {});
  const recovered = recoveryOf<{ invoiceId: string | null }>(ctx, POINT);
  const invoiceId = recovered ? (recovered.invoiceId ?? null) : await commit(ctx, (tx, changes) => updateIn(tx, ctx, changes, id, data));
  if (invoiceId) await collectInvoice({ ctx, invoiceId });
  // Read in the answer's own transaction: PGlite has one connection, so a read on the pool inside it never runs.
  return commit(ctx, async (tx) => serializeSubscription(await loadSubscription(tx, ctx, id), await itemsOf(tx, id)), { respond: (o) => o });
}

interface ItemChange {
  from: ItemWithPrice | null;
  to: { id: string; price: PriceRow; quantity: number } | null;
}

async function updateIn(tx: Transaction, ctx: ServiceContext, changes: Changes, id: string, data: UpdateSubscriptionInput): Promise<string | null> {
  const sub = await loadSubscription(tx, ctx, id, { lock: true });
  if (!CHANGEABLE.has(sub.status)) throw subscriptionUnexpectedState(sub, "update a subscription that has not ended.");
  const current = await itemsOf(tx, sub.id);
  const itemChanges = data.items ? await planItems(tx, ctx, sub, current, data.items) : [];
  const now = new Date();
  let invoiceId: string | null = null;
  let latestInvoice = sub.latestInvoice;

  if (itemChanges.length) {
    const behavior = data.proration_behavior ?? "create_prorations";
    const period = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
    const prorate = sub.status !== "trialing" && now >= period.start && now < period.end;
    const plan = prorate
      ? planSubscriptionUpdate({
          period,
          at: now,
          behavior,
          changes: itemChanges.map((c) => ({ from: c.from && state(c.from.price, c.from.item.quantity), to: c.to && state(c.to.price, c.to.quantity) })),
        })
      : { lines: [], invoiceNow: false, net: 0n };
    const lines = plan.lines.map((l, i) => toNewLine(l, itemFor(itemChanges, plan.lines, i)));
    await applyItems(tx, ctx, sub, itemChanges);
    if (lines.length && plan.invoiceNow) {
      const draft = await draftInvoice(tx, ctx, changes, {
        customer: sub.customer,
        subscription: sub.id,
        currency: sub.currency,
        billingReason: "subscription_update",
        period: { start: now, end: period.end },
        lines,
        takePending: true,
      });
      const invoice = await finalizeDraft(tx, ctx, changes, draft.invoice, draft.lines);
      invoiceId = invoice.status === "open" ? invoice.id : null;
      latestInvoice = invoice.id;
    } else if (lines.length) {
      await tx.insert(invoiceLines).values(lines.map((l) => lineRow(ctx, l, { invoice: null, subscription: sub.id, currency: sub.currency })));
    }
  }

  let defaultPaymentMethod = sub.defaultPaymentMethod;
  if (data.default_payment_method !== undefined) {
    if (data.default_payment_method !== null) {
      const pm = await loadPaymentMethod(tx, ctx, data.default_payment_method, "default_payment_method");
      if (pm.customer !== sub.customer) {
        throw new KassaError("payment_method_unexpected_state", `PaymentMethod ${pm.id} is not attached to customer ${sub.customer}; attach it first.`, {
          param: "default_payment_method",
        });
      }
      if (pm.id !== sub.defaultPaymentMethod) declarePaymentMethodUpdated(changes, ctx, sub.customer);
    }
    defaultPaymentMethod = data.default_payment_method;
  }
  const previousItems = itemChanges.length ? { items: serializeSubscription(sub, current).items } : {};
  await setSubscription(
    tx,
    changes,
    sub,
    {
      defaultPaymentMethod,
      latestInvoice,
      ...(data.cancel_at_period_end !== undefined ? { cancelAtPeriodEnd: data.cancel_at_period_end } : {}),
      ...(data.metadata ? { metadata: data.metadata } : {}),
      updatedAt: now,
    },
    previousItems,
  );
  changes.audit({ action: "subscription.updated", targetType: "subscription", targetId: sub.id, metadata: { items: itemChanges.length, invoice: invoiceId } });
  changes.recoveryPoint(POINT, { invoiceId });
  return invoiceId;
}

const state = (price: PriceRow, quantity: number): SubscriptionItemState => ({
  price: { id: price.id, unit_amount: price.unitAmount, currency: price.currency, ...(price.nickname ? { nickname: price.nickname } : {}) },
  quantity,
});

/** Which item a proration line belongs to: lines come in change order, a credit for `from`, then a charge for `to`. */
function itemFor(itemChanges: ItemChange[], lines: ProrationLine[], index: number): string | null {
  const line = lines[index]!;
  const match = itemChanges.find((c) => (line.amount < 0n ? c.from?.price.id === line.price.id : c.to?.price.id === line.price.id));
  return match ? (line.amount < 0n ? match.from!.item.id : match.to!.id) : null;
}

function toNewLine(l: ProrationLine, subscriptionItem: string | null): NewLine {
  return { description: l.description, amount: l.amount, quantity: l.quantity, period: l.period, proration: true, price: l.price.id, subscriptionItem };
}

/** The input's item changes checked against the subscription: known ids, recurring prices of its currency and interval. */
async function planItems(
  tx: Transaction,
  ctx: ServiceContext,
  sub: SubscriptionRow,
  current: ItemWithPrice[],
  items: NonNullable<UpdateSubscriptionInput["items"]>,
): Promise<ItemChange[]> {
  const out: ItemChange[] = [];
  const seen = new Set<string>();
  for (const [i, input] of items.entries()) {
    const from = input.id ? current.find((c) => c.item.id === input.id) : null;
    if (input.id && !from) throw new KassaError("resource_missing", `No such subscription item on ${sub.id}: '${input.id}'`, { param: `items[${i}][id]` });
    if (from && seen.has(from.item.id)) throw new KassaError("parameter_invalid", `Item ${from.item.id} is listed twice.`, { param: `items[${i}][id]` });
    if (from) seen.add(from.item.id);
    if (input.deleted) {
      if (!from) throw new KassaError("parameter_missing", "Missing required param: id (which item to delete).", { param: `items[${i}][id]` });
      out.push({ from, to: null });
      continue;
    }
    if (!from && !input.price) throw new KassaError("parameter_missing", `Missing required param: items[${i}][price].`, { param: `items[${i}][price]` });
    const price = input.price && input.price !== from?.price.id ? await checkPrice(tx, ctx, sub, input.price, `items[${i}][price]`) : from!.price;
    const quantity = input.quantity ?? from?.item.quantity ?? 1;
    if (from && price.id === from.price.id && quantity === from.item.quantity) continue;
    out.push({ from: from ?? null, to: { id: from?.item.id ?? newId("subscriptionItem"), price, quantity } });
  }
  const removed = new Set(out.filter((c) => c.from).map((c) => c.from!.item.id));
  const remaining = current.filter((c) => !removed.has(c.item.id)).length + out.filter((c) => c.to).length;
  if (remaining === 0) throw new KassaError("parameter_invalid", "A subscription keeps at least one item; cancel it instead.", { param: "items" });
  const prices = [...current.filter((c) => !removed.has(c.item.id)).map((c) => c.price.id), ...out.filter((c) => c.to).map((c) => c.to!.price.id)];
  if (new Set(prices).size !== prices.length)
    throw new KassaError("parameter_invalid", "A price may be on a subscription once; change its quantity instead.", { param: "items" });
  return out;
}

async function checkPrice(tx: Transaction, ctx: ServiceContext, sub: SubscriptionRow, id: string, param: string): Promise<PriceRow> {
  const price = await loadPrice(tx, ctx, id, { param });
  if (!price.active) throw new KassaError("price_inactive", `Price ${price.id} is archived.`, { param });
  if (price.type !== "recurring")
    throw new KassaError("price_not_recurring", `Price ${price.id} is a one-off price; a subscription needs recurring prices.`, { param });
  if (price.currency !== sub.currency)
    throw new KassaError("currency_mismatch", `Price ${price.id} is ${price.currency}; this subscription bills in ${sub.currency}.`, { param });
  if (price.recurringInterval !== sub.interval || price.recurringIntervalCount !== sub.intervalCount) {
    throw new KassaError("interval_mismatch", `Price ${price.id} bills on another interval than this subscription.`, { param });
  }
  return price;
}

async function applyItems(tx: Transaction, ctx: ServiceContext, sub: SubscriptionRow, itemChanges: ItemChange[]): Promise<void> {
  const removed = itemChanges.filter((c) => c.from && !c.to).map((c) => c.from!.item.id);
  if (removed.length) await tx.delete(subscriptionItems).where(inArray(subscriptionItems.id, removed));
  for (const c of itemChanges) {
    if (!c.to) continue;
    if (c.from) await tx.update(subscriptionItems).set({ price: c.to.price.id, quantity: c.to.quantity }).where(eq(subscriptionItems.id, c.from.item.id));
    else {
      await tx
        .insert(subscriptionItems)
        .values({ id: c.to.id, merchantId: ctx.merchantId, livemode: ctx.livemode, subscription: sub.id, price: c.to.price.id, quantity: c.to.quantity });
    }
  }
}
