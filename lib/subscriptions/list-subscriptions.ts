import { and, eq, inArray, ne } from "drizzle-orm";
import { subscriptionItems, subscriptions, type SubscriptionRow } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListSubscriptionsQuery } from "./inputs";
import { loadItems } from "./load";
import { serializeSubscription } from "./serialize";

/**
 * GET /api/v1/subscriptions — newest first, cursor pages; filters status (Stripe's default leaves canceled
 * ones out; `all` shows them), customer and price.
 */
export async function listSubscriptions({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "subscriptions:read");
  const q = parseWith(ListSubscriptionsQuery, input ?? {});
  const db = await executor(ctx);
  const withPrice = q.price
    ? inArray(
        subscriptions.id,
        db
          .select({ id: subscriptionItems.subscription })
          .from(subscriptionItems)
          .where(and(eq(subscriptionItems.merchantId, ctx.merchantId), eq(subscriptionItems.livemode, ctx.livemode), eq(subscriptionItems.price, q.price))),
      )
    : undefined;
  const page = await paginate({
    db,
    table: subscriptions,
    id: subscriptions.id,
    where: and(
      eq(subscriptions.merchantId, ctx.merchantId),
      eq(subscriptions.livemode, ctx.livemode),
      q.status === "all" ? undefined : q.status ? eq(subscriptions.status, q.status) : ne(subscriptions.status, "canceled"),
      q.customer ? eq(subscriptions.customer, q.customer) : undefined,
      withPrice,
    ),
    params: q,
    url,
    serialize: (row: SubscriptionRow) => row,
  });
  const items = await loadItems(
    db,
    page.data.map((s) => s.id),
  );
  return { ...page, data: page.data.map((s) => serializeSubscription(s, items.get(s.id) ?? [])) };
}
