import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { journalLines, ledgerAccounts } from "@/db/schema";

/**
 * Locks the merchant's merchant_available account row of one mode and currency (FOR UPDATE: a row lock,
 * which the append-only UPDATE trigger never sees) and reads the available balance under it. Every verb
 * that takes money out of available (payouts) holds this lock until its commit, so two payouts can never
 * both spend the same balance. No account row yet: nothing was ever available (0), nothing to lock.
 */
export async function lockAvailableBalance(tx: Transaction, key: { merchantId: string; livemode: boolean; currency: string }): Promise<bigint> {
  const [account] = await tx
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.merchantId, key.merchantId),
        eq(ledgerAccounts.livemode, key.livemode),
        eq(ledgerAccounts.currency, key.currency),
        eq(ledgerAccounts.type, "merchant_available"),
      ),
    )
    .for("update");
  if (!account) return 0n;
  const [row] = await tx
    .select({ total: sql<string | null>`sum(${journalLines.amount})::text` })
    .from(journalLines)
    .where(
      and(
        eq(journalLines.merchantId, key.merchantId),
        eq(journalLines.livemode, key.livemode),
        eq(journalLines.currency, key.currency),
        eq(journalLines.account, "merchant_available"),
      ),
    );
  return row?.total ? -BigInt(row.total) : 0n;
}
