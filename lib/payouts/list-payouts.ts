import { and, eq } from "drizzle-orm";
import { payouts, type PayoutRow } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { ListPayoutsQuery } from "./inputs";
import { serializePayout } from "./serialize-payout";

/** GET /api/v1/payouts — newest first, by status, currency or destination. */
export async function listPayouts({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "payouts:read");
  const q = parseWith(ListPayoutsQuery, input);
  return paginate({
    db: await executor(ctx),
    table: payouts,
    id: payouts.id,
    where: and(
      eq(payouts.merchantId, ctx.merchantId),
      eq(payouts.livemode, ctx.livemode),
      q.status ? eq(payouts.status, q.status) : undefined,
      q.currency ? eq(payouts.currency, q.currency) : undefined,
      q.destination ? eq(payouts.bankAccountId, q.destination) : undefined,
    ),
    params: q,
    url,
    serialize: (row: PayoutRow) => serializePayout(row),
  });
}
