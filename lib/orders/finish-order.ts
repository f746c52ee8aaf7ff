import { eq } from "drizzle-orm";
import { orders, type OrderStatus } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadOrder } from "./load-order";
import { serializeOrder } from "./serialize-order";

const FINAL: ReadonlySet<OrderStatus> = new Set(["succeeded", "failed", "compensated"]);

/**
 * The saga's end: succeeded (confirmed at the merchant), compensated (something was undone: a void, a
 * refund, a release) or failed (nothing to undo — a declined card — or a compensation that could not
 * finish). One event order.<status> and an audit row; a second call changes nothing.
 */
export async function finishOrder({ ctx, orderId, status }: { ctx: ServiceContext; orderId: string; status: "succeeded" | "failed" | "compensated" }) {
  return commit(ctx, async (tx, changes) => {
    const order = await loadOrder(tx, ctx, orderId, { lock: true });
    if (FINAL.has(order.status)) return { status: order.status };
    const [done] = await tx.update(orders).set({ status, completedAt: new Date() }).where(eq(orders.id, orderId)).returning();
    changes.audit({ action: `order.${status}`, targetType: "order", targetId: orderId, metadata: { failure_code: done!.failureCode } });
    changes.event(`order.${status}`, serializeOrder(done!), { status: order.status });
    return { status };
  });
}

/** What a compensated saga ends as: compensated when anything was undone, failed when there was nothing to undo. */
export async function compensatedStatus({ ctx, orderId }: { ctx: ServiceContext; orderId: string }): Promise<"failed" | "compensated"> {
  const p = (await loadOrder(await executor(ctx), ctx, orderId)).progress;
  return p.voided || p.refunded || p.released ? "compensated" : "failed";
}

/** After a compensation that could not finish (its retries used up twice): the order fails, saying so. */
export async function markCompensationFailed({ ctx, orderId, message }: { ctx: ServiceContext; orderId: string; message: string }) {
  await commit(ctx, (tx) =>
    tx
      .update(orders)
      .set({ failureCode: "compensation_failed", failureMessage: message.slice(0, 500) })
      .where(eq(orders.id, orderId)),
  );
  return finishOrder({ ctx, orderId, status: "failed" });
}
