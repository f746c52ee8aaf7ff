import { and, eq } from "drizzle-orm";
import { refunds } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListRefundsQuery } from "./inputs";
import { serializeRefund } from "./serialize-refund";

/** GET /api/v1/refunds — newest first, optionally of one payment. */
export async function listRefunds({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "payments:read");
  const q = parseWith(ListRefundsQuery, input);
  return paginate({
    db: await executor(ctx),
    table: refunds,
    id: refunds.id,
    where: and(eq(refunds.merchantId, ctx.merchantId), eq(refunds.livemode, ctx.livemode), q.payment ? eq(refunds.paymentId, q.payment) : undefined),
    params: q,
    url,
    serialize: serializeRefund,
  });
}
