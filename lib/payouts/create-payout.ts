import { and, eq } from "drizzle-orm";
import { payouts } from "@/db/schema";
import { defaultBankAccount, loadBankAccount } from "@/lib/bank-accounts/load-bank-account";
import { isCurrency } from "@/lib/money";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { recoveryOf } from "@/lib/service/recovery";
import { requirePermission } from "@/lib/service/roles";
import { lockAvailableBalance } from "./available-balance";
import { CreatePayoutInput } from "./inputs";
import { postPayout } from "./post-payout";
import { serializePayout, type PayoutObject } from "./serialize-payout";

const POINT = "payout_created";

/**
 * POST /api/v1/payouts — one commit: the bank account checked, the available balance locked and read,
 * the payout posted (ledger, row, audit, `payout.created`) and the request's recovery point. The bank is
 * called afterwards by the payout-send workflow, never in the request: a retry with the same
 * Idempotency-Key answers the payout it made. Manual payouts settle no balance transactions.
 */
export async function createPayout({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<PayoutObject> {
  requirePermission(ctx, "payouts:write");
  const data = parseWith(CreatePayoutInput, input);
  if (!isCurrency(data.currency)) throw new KassaError("currency_unsupported", `Unsupported currency: ${data.currency}.`, { param: "currency" });
  const resumed = recoveryOf<{ payoutId: string }>(ctx, POINT);
  if (resumed?.payoutId) {
    const db = await executor(ctx);
    const [row] = await db
      .select()
      .from(payouts)
      .where(and(eq(payouts.id, resumed.payoutId), eq(payouts.merchantId, ctx.merchantId), eq(payouts.livemode, ctx.livemode)));
    if (row) return serializePayout(row);
  }
  const accountId = data.bank_account ?? data.destination;
  return commit(
    ctx,
    async (tx, changes) => {
      const bankAccount = accountId
        ? await loadBankAccount(tx, ctx, accountId, { param: data.bank_account ? "bank_account" : "destination" })
        : await defaultBankAccount(tx, ctx, data.currency);
      if (!bankAccount) {
        throw new KassaError("no_external_account", `You have no bank account for ${data.currency}: add one before paying out in it.`, {
          param: "currency",
        });
      }
      if (bankAccount.currency !== data.currency) {
        throw new KassaError("parameter_invalid", `Bank account ${bankAccount.id} takes ${bankAccount.currency}, not ${data.currency}.`, {
          param: data.bank_account ? "bank_account" : "destination",
        });
      }
      const available = await lockAvailableBalance(tx, { merchantId: ctx.merchantId, livemode: ctx.livemode, currency: data.currency });
      const row = await postPayout(tx, ctx, changes, {
        amount: BigInt(data.amount),
        available,
        currency: data.currency,
        bankAccount,
        description: data.description ?? null,
      });
      changes.recoveryPoint(POINT, { payoutId: row.id });
      return serializePayout(row);
    },
    { respond: (p) => p },
  );
}
