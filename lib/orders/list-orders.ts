import { and, eq } from "drizzle-orm";
import { orders, type OrderRow } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListOrdersQuery } from "./inputs";
import { serializeOrder } from "./serialize-order";

/** GET /api/v1/orders — newest first, optionally by status. */
export async function listOrders({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "payments:read");
  const q = parseWith(ListOrdersQuery, input);
  return paginate({
    db: await executor(ctx),
    table: orders,
    id: orders.id,
    where: and(eq(orders.merchantId, ctx.merchantId), eq(orders.livemode, ctx.livemode), q.status ? eq(orders.status, q.status) : undefined),
    params: q,
    url,
    serialize: (row: OrderRow) => serializeOrder(row),
  });
}
