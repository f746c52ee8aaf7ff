import { and, eq } from "drizzle-orm";
import { prices } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListPricesQuery } from "./inputs";
import { serializePrice } from "./serialize";

/** GET /api/v1/prices — newest first, cursor pages; filters product, active, type, currency, recurring[interval]. */
export async function listPrices({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "products:read");
  const q = parseWith(ListPricesQuery, input ?? {});
  return paginate({
    db: await executor(ctx),
    table: prices,
    id: prices.id,
    where: and(
      eq(prices.merchantId, ctx.merchantId),
      eq(prices.livemode, ctx.livemode),
      q.product ? eq(prices.product, q.product) : undefined,
      q.active ? eq(prices.active, q.active === "true") : undefined,
      q.type ? eq(prices.type, q.type) : undefined,
      q.currency ? eq(prices.currency, q.currency) : undefined,
      q.recurring ? eq(prices.recurringInterval, q.recurring.interval) : undefined,
    ),
    params: q,
    url,
    serialize: serializePrice,
  });
}
