import { and, eq, gt, gte, inArray, lt, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { BALANCE_TRANSACTION_TYPES, balanceTransactions, payoutSettlements, type BalanceTransactionRow } from "@/db/schema";
import { listParams, paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { serializeBalanceTransaction } from "./serialize-balance-transaction";

const unixSeconds = z.coerce.number().int().min(0);
const RANGE_KEYS = ["gt", "gte", "lt", "lte"] as const;

export const ListBalanceTransactionsInput = z.strictObject({
  ...listParams,
  type: z.enum(BALANCE_TRANSACTION_TYPES).optional(),
  /** The id of the object that caused the transaction (a charge, refund, dispute…). */
  source: z.string().min(1).max(255).optional(),
  /** The transactions an (automatic) payout settles: its reconciliation (Stripe's `payout`). */
  payout: z.string().min(1).max(255).optional(),
  currency: z
    .string()
    .regex(/^[a-z]{3}$/, "must be a lowercase ISO currency code")
    .optional(),
  /** Unix seconds: an exact second, or a range such as { gte, lt }. */
  created: z.union([unixSeconds, z.strictObject({ gt: unixSeconds, gte: unixSeconds, lt: unixSeconds, lte: unixSeconds }).partial()]).optional(),
});

export async function listBalanceTransactions({ ctx, input, url = "/v1/balance_transactions" }: { ctx: ServiceContext; input: unknown; url?: string }) {
  requirePermission(ctx, "balance:read");
  const params = parseWith(ListBalanceTransactionsInput, input);
  const t = balanceTransactions;
  const where: (SQL | undefined)[] = [
    eq(t.merchantId, ctx.merchantId),
    eq(t.livemode, ctx.livemode),
    params.type ? eq(t.type, params.type) : undefined,
    params.source ? eq(t.sourceId, params.source) : undefined,
    params.currency ? eq(t.currency, params.currency) : undefined,
    params.payout
      ? inArray(
          t.id,
          (await executor(ctx))
            .select({ id: payoutSettlements.balanceTransactionId })
            .from(payoutSettlements)
            .where(
              and(
                eq(payoutSettlements.payoutId, params.payout),
                eq(payoutSettlements.merchantId, ctx.merchantId),
                eq(payoutSettlements.livemode, ctx.livemode),
              ),
            ),
        )
      : undefined,
  ];
  const created = params.created;
  if (typeof created === "number") {
    where.push(gte(t.createdAt, new Date(created * 1000)), lt(t.createdAt, new Date((created + 1) * 1000)));
  } else if (created) {
    const ops = { gt, gte, lt, lte };
    for (const k of RANGE_KEYS) {
      const v = created[k];
      if (v === undefined) continue;
      // Second precision like `created`: `lte: s` includes the whole second s, `gt: s` excludes it.
      const edge = k === "gt" || k === "lte" ? new Date((v + 1) * 1000) : new Date(v * 1000);
      where.push(k === "gt" ? gte(t.createdAt, edge) : k === "lte" ? lt(t.createdAt, edge) : ops[k](t.createdAt, edge));
    }
  }
  return paginate({
    db: await executor(ctx),
    table: t,
    id: t.id,
    where: and(...where),
    params,
    url,
    serialize: (row: BalanceTransactionRow) => serializeBalanceTransaction(row),
  });
}
