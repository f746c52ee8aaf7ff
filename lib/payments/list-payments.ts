import { and, eq, gt, gte, lt, lte } from "drizzle-orm";
import { payments } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListPaymentsQuery } from "./inputs";
import { serializePayment } from "./serialize-payment";

const at = (seconds: number) => new Date(seconds * 1000);

/** GET /api/v1/payments — newest first; filters status, customer, created[gt|gte|lt|lte]. */
export async function listPayments({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "payments:read");
  const q = parseWith(ListPaymentsQuery, input);
  const c = q.created;
  return paginate({
    db: await executor(ctx),
    table: payments,
    id: payments.id,
    where: and(
      eq(payments.merchantId, ctx.merchantId),
      eq(payments.livemode, ctx.livemode),
      q.status ? eq(payments.status, q.status) : undefined,
      q.customer ? eq(payments.customer, q.customer) : undefined,
      c?.gt !== undefined ? gt(payments.createdAt, at(c.gt)) : undefined,
      c?.gte !== undefined ? gte(payments.createdAt, at(c.gte)) : undefined,
      c?.lt !== undefined ? lt(payments.createdAt, at(c.lt)) : undefined,
      c?.lte !== undefined ? lte(payments.createdAt, at(c.lte)) : undefined,
    ),
    params: q,
    url,
    serialize: serializePayment,
  });
}
