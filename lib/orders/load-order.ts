import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { orders, orderSteps, type OrderRow, type OrderStepRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/** The merchant's order in this mode; another tenant's or mode's is "not found". */
export async function loadOrder(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<OrderRow> {
  const q = db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.merchantId, ctx.merchantId), eq(orders.livemode, ctx.livemode)));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw new KassaError("resource_missing", `No such order: '${id}'`, { param: "id" });
  return row;
}

/** Every try of every step of an order, oldest first. */
export async function stepsOf(db: Executor, order: Pick<OrderRow, "id" | "merchantId" | "livemode">): Promise<OrderStepRow[]> {
  return db
    .select()
    .from(orderSteps)
    .where(and(eq(orderSteps.orderId, order.id), eq(orderSteps.merchantId, order.merchantId), eq(orderSteps.livemode, order.livemode)))
    .orderBy(asc(orderSteps.createdAt), asc(orderSteps.id));
}
