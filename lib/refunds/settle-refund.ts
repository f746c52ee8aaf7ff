import { and, eq } from "drizzle-orm";
import { refunds } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { sendRefund } from "./send-refund";

/** Reconciliation for a refund left pending: ask the processor by its key, or send it again (same key). */
export async function settleRefund({ ctx, refundId }: { ctx: ServiceContext; refundId: string }) {
  const db = await executor(ctx);
  const [refund] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, refundId), eq(refunds.merchantId, ctx.merchantId), eq(refunds.livemode, ctx.livemode)));
  if (!refund) throw new KassaError("resource_missing", `No such refund: '${refundId}'`);
  if (refund.status !== "pending") return { status: refund.status, done: true };
  const after = await sendRefund(ctx, refund, { retrieveFirst: true });
  return { status: after.status, done: after.status !== "pending" };
}
