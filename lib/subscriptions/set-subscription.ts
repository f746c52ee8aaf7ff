import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { subscriptions, type SubscriptionRow } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";
import { itemsOf } from "./load";
import { serializeSubscription } from "./serialize";

/**
 * Updates a subscription and emits `customer.subscription.updated` (or `.deleted` when it ends) with the
 * attributes that changed, as Stripe's previous_attributes. Nothing changed: no event.
 */
export async function setSubscription(
  tx: Transaction,
  changes: Changes,
  sub: SubscriptionRow,
  set: Partial<Omit<SubscriptionRow, "id" | "merchantId" | "livemode" | "customer" | "createdAt">>,
  previousExtra: Record<string, unknown> = {},
): Promise<SubscriptionRow> {
  const [after] = await tx.update(subscriptions).set(set).where(eq(subscriptions.id, sub.id)).returning();
  const items = await itemsOf(tx, sub.id);
  const before: Record<string, unknown> = serializeSubscription(sub, items);
  const object: Record<string, unknown> = serializeSubscription(after!, items);
  const previous: Record<string, unknown> = { ...previousExtra };
  for (const key of Object.keys(object)) {
    if (key !== "items" && JSON.stringify(object[key]) !== JSON.stringify(before[key])) previous[key] = before[key];
  }
  if (Object.keys(previous).length) {
    const ended = after!.status === "canceled" && sub.status !== "canceled";
    changes.event(ended ? "customer.subscription.deleted" : "customer.subscription.updated", object, previous);
  }
  return after!;
}
