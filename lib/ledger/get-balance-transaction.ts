import { and, eq } from "drizzle-orm";
import { balanceTransactions } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { serializeBalanceTransaction } from "./serialize-balance-transaction";

/** GET /v1/balance_transactions/:id — one of the merchant's balance transactions in its mode. */
export async function getBalanceTransaction({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "balance:read");
  const db = await executor(ctx);
  const t = balanceTransactions;
  // Scoped by merchant and mode: another merchant's transaction is as missing as one that never was.
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), eq(t.merchantId, ctx.merchantId), eq(t.livemode, ctx.livemode)));
  if (!row) throw new KassaError("resource_missing", `No such balance transaction: '${id}'`, { param: "id" });
  return serializeBalanceTransaction(row);
}
