import { and, asc, eq, inArray } from "drizzle-orm";
import { balanceTransactions, bankAccounts, payoutSettlements } from "@/db/schema";
import { serializeBalanceTransaction, type BalanceTransactionObject } from "@/lib/ledger/serialize-balance-transaction";
import { serializeBankAccount, type BankAccountObject } from "@/lib/bank-accounts/serialize-bank-account";
import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { loadPayout } from "./load-payout";
import { serializePayout, type PayoutObject } from "./serialize-payout";

export interface PayoutReconciliation {
  payout: PayoutObject;
  /** Where it went (masked; a removed account still shows). */
  bankAccount: BankAccountObject | null;
  /** The balance transactions an automatic payout settles, oldest first; their nets sum to its amount. */
  settled: BalanceTransactionObject[];
  /** The payout's own transactions: `payout`, and `payout_failure` / `payout_cancel` when it came back. */
  own: BalanceTransactionObject[];
}

/** A payout with its reconciliation, for the dashboard's payout page and its CSV export. */
export async function getPayoutReconciliation({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PayoutReconciliation> {
  requirePermission(ctx, "payouts:read");
  const db = await executor(ctx);
  const payout = await loadPayout(db, ctx, id);
  const t = balanceTransactions;
  const [settled, own, [account]] = await Promise.all([
    db
      .select({ bt: t })
      .from(payoutSettlements)
      .innerJoin(t, eq(t.id, payoutSettlements.balanceTransactionId))
      .where(and(eq(payoutSettlements.payoutId, id), eq(payoutSettlements.merchantId, ctx.merchantId), eq(payoutSettlements.livemode, ctx.livemode)))
      .orderBy(asc(t.id)),
    db
      .select()
      .from(t)
      .where(
        and(
          eq(t.merchantId, ctx.merchantId),
          eq(t.livemode, ctx.livemode),
          inArray(t.id, [payout.balanceTransactionId, ...(payout.returnBalanceTransactionId ? [payout.returnBalanceTransactionId] : [])]),
        ),
      )
      .orderBy(asc(t.id)),
    db
      .select()
      .from(bankAccounts)
      .where(and(eq(bankAccounts.id, payout.bankAccountId), eq(bankAccounts.merchantId, ctx.merchantId))),
  ]);
  return {
    payout: serializePayout(payout),
    bankAccount: account ? serializeBankAccount(account) : null,
    settled: settled.map((r) => serializeBalanceTransaction(r.bt)),
    own: own.map(serializeBalanceTransaction),
  };
}
