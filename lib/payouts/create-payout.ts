import { defaultBankAccount, loadBankAccount } from "@/lib/bank-accounts/load-bank-account";
import { isCurrency } from "@/lib/money";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { lockAvailableBalance } from "./available-balance";
import { CreatePayoutInput } from "./inputs";
import { postPayout } from "./post-payout";
import { serializePayout, type PayoutObject } from "./serialize-payout";

/**
 * POST /api/v1/payouts — one commit: the bank account checked, the available balance locked and read,
 * the payout posted (ledger, row, audit, `payout.created` — the recovery point the payout-send workflow
 * resumes from) and the request's stored answer. The bank is called afterwards by that workflow, never in
 * the request, so a retry with the same Idempotency-Key replays the answer: never a second payout.
 * Manual payouts settle no balance transactions.
 */
export async function createPayout({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<PayoutObject> {
  requirePermission(ctx, "payouts:write");
  const data = parseWith(CreatePayoutInput, input);
  if (!isCurrency(data.currency)) throw new KassaError("currency_unsupported", `Unsupported currency: ${data.currency}.`, { param: "currency" });
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
      return serializePayout(row);
    },
    { respond: (p) => p },
  );
}
