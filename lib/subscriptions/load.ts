import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { prices, subscriptionItems, subscriptions, type PriceRow, type SubscriptionItemRow, type SubscriptionRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

type Tenant = Pick<ServiceContext, "merchantId" | "livemode">;

export const noSuchSubscription = (id: string, param = "id") => new KassaError("resource_missing", `No such subscription: '${id}'`, { param });

/** The merchant's subscription in this mode; another tenant's (or mode's) is "not found". */
export async function loadSubscription(db: Executor, ctx: Tenant, id: string, opts: { lock?: boolean; param?: string } = {}): Promise<SubscriptionRow> {
  if (!isId("subscription", id)) throw noSuchSubscription(id, opts.param);
  const query = db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.id, id), eq(subscriptions.merchantId, ctx.merchantId), eq(subscriptions.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchSubscription(id, opts.param);
  return row;
}

export interface ItemWithPrice {
  item: SubscriptionItemRow;
  price: PriceRow;
}

/** The items of some subscriptions with their prices, oldest item first, keyed by subscription. */
export async function loadItems(db: Executor, subscriptionIds: readonly string[]): Promise<Map<string, ItemWithPrice[]>> {
  const out = new Map<string, ItemWithPrice[]>(subscriptionIds.map((id) => [id, []]));
  if (subscriptionIds.length === 0) return out;
  const rows = await db
    .select({ item: subscriptionItems, price: prices })
    .from(subscriptionItems)
    .innerJoin(prices, eq(prices.id, subscriptionItems.price))
    .where(inArray(subscriptionItems.subscription, [...subscriptionIds]))
    .orderBy(asc(subscriptionItems.id));
  for (const r of rows) out.get(r.item.subscription)?.push(r);
  return out;
}

export async function itemsOf(db: Executor, subscriptionId: string): Promise<ItemWithPrice[]> {
  return (await loadItems(db, [subscriptionId])).get(subscriptionId) ?? [];
}

export const subscriptionUnexpectedState = (s: SubscriptionRow, action: string) =>
  new KassaError("subscription_unexpected_state", `This subscription is ${s.status}; you can only ${action}.`, { param: "id" });
