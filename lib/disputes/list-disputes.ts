import { and, eq } from "drizzle-orm";
import { disputes } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListDisputesQuery } from "./inputs";
import { serializeDispute } from "./serialize";

/** GET /api/v1/disputes — newest first, cursor pages, by payment or status. */
export async function listDisputes({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "disputes:read");
  const q = parseWith(ListDisputesQuery, input);
  return paginate({
    db: await executor(ctx),
    table: disputes,
    id: disputes.id,
    where: and(
      eq(disputes.merchantId, ctx.merchantId),
      eq(disputes.livemode, ctx.livemode),
      q.payment ? eq(disputes.paymentId, q.payment) : undefined,
      q.status ? eq(disputes.status, q.status) : undefined,
    ),
    params: q,
    url,
    serialize: serializeDispute,
  });
}
