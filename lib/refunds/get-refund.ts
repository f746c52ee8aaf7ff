import { and, eq } from "drizzle-orm";
import { refunds } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { serializeRefund, type RefundObject } from "./serialize-refund";

/** GET /api/v1/refunds/:id */
export async function getRefund({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<RefundObject> {
  requirePermission(ctx, "payments:read");
  const db = await executor(ctx);
  const [row] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, id), eq(refunds.merchantId, ctx.merchantId), eq(refunds.livemode, ctx.livemode)));
  if (!row) throw new KassaError("resource_missing", `No such refund: '${id}'`, { param: "id" });
  return serializeRefund(row);
}
