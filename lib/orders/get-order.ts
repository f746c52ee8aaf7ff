import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadOrder, stepsOf } from "./load-order";
import { serializeOrder, type OrderObject } from "./serialize-order";

/** GET /api/v1/orders/:id — the order with every step, try and compensation of its saga. */
export async function getOrder({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<OrderObject> {
  requirePermission(ctx, "payments:read");
  const db = await executor(ctx);
  const order = await loadOrder(db, ctx, id);
  return serializeOrder(order, await stepsOf(db, order));
}
