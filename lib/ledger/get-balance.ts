import { and, eq, inArray, sql } from "drizzle-orm";
import { journalLines, merchants } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { jsonAmount } from "./json-amount";
import type { z } from "zod";
import type { BalanceObject as BalanceSchema } from "./balance-object";

/** The API's `balance` (its schema: lib/ledger/balance-object.ts). */
export type BalanceObject = z.input<typeof BalanceSchema>;
export type BalanceAmount = BalanceObject["available"][number];

/**
 * The merchant's balance in its mode, per currency, summed from the ledger: the negated sums of its
 * merchant_available and merchant_pending lines (credits are negative). One indexed aggregate; no
 * running-balance row, so concurrent postings never queue on a hot balance row.
 */
export async function getBalance({ ctx }: { ctx: ServiceContext }): Promise<BalanceObject> {
  requirePermission(ctx, "balance:read");
  const db = await executor(ctx);
  const rows = await db
    .select({
      account: journalLines.account,
      currency: journalLines.currency,
      total: sql<string>`sum(${journalLines.amount})::text`,
    })
    .from(journalLines)
    .where(
      and(
        eq(journalLines.merchantId, ctx.merchantId),
        eq(journalLines.livemode, ctx.livemode),
        inArray(journalLines.account, ["merchant_available", "merchant_pending", "payouts_in_transit", "escrow"]),
      ),
    )
    .groupBy(journalLines.account, journalLines.currency);

  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  if (currencies.length === 0) {
    // Like Stripe: a merchant with no movements shows zero in its default currency.
    const [merchant] = await db.select({ currency: merchants.defaultCurrency }).from(merchants).where(eq(merchants.id, ctx.merchantId));
    currencies.push(merchant?.currency ?? "usd");
  }
  const amount = (account: string, currency: string) => {
    const row = rows.find((r) => r.account === account && r.currency === currency);
    return { amount: jsonAmount(row ? -BigInt(row.total) : 0n), currency };
  };
  return {
    object: "balance",
    livemode: ctx.livemode,
    available: currencies.map((c) => amount("merchant_available", c)),
    pending: currencies.map((c) => amount("merchant_pending", c)),
    in_transit: currencies.map((c) => amount("payouts_in_transit", c)),
    escrowed: currencies.map((c) => amount("escrow", c)),
  };
}
