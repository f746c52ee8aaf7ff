import type { Transaction } from "@/db/client";
import { payouts, payoutSettlements, type BankAccountRow, type PayoutRow } from "@/db/schema";
import { defaultPayoutConnector } from "@/lib/gateways/payout-connector";
import { newId } from "@/lib/ids";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import { toDecimalString } from "@/lib/money";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { payoutPostings } from "./postings";
import { serializePayout } from "./serialize-payout";

/**
 * Inside the caller's transaction, under lockAvailableBalance: posts a payout of `amount` out of
 * `available` — the ledger entry with its `payout` balance transaction, the payout row, the reconciled
 * balance transactions (automatic payouts), its audit row and the `payout.created` event, which starts
 * the payout-send workflow once committed. That event committed with the posting is the payout's
 * recovery point: whatever dies after this commit, the workflow (retried by the engine) hands the payout
 * to the bank with its id as idempotency key.
 */
export async function postPayout(
  tx: Transaction,
  ctx: ServiceContext,
  changes: Changes,
  args: {
    amount: bigint;
    available: bigint;
    currency: string;
    bankAccount: BankAccountRow;
    description?: string | null;
    automatic?: { scheduleKey: string; settles: string[] };
  },
): Promise<PayoutRow> {
  const { amount, available, currency } = args;
  if (amount > available) {
    throw new KassaError(
      "balance_insufficient",
      `You have insufficient funds in your Kassa account for this payout: ${toDecimalString(amount, currency)} ${currency} asked, ` +
        `${toDecimalString(available < 0n ? 0n : available, currency)} ${currency} available.`,
      { param: "amount" },
    );
  }
  const id = newId("payout");
  const { balanceTransaction } = await postJournalEntry(tx, {
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    currency,
    key: `payout:${id}`,
    type: "payout",
    source: { type: "payout", id },
    lines: payoutPostings.out(amount),
    description: args.description ?? (args.automatic ? "KASSA PAYOUT" : null),
    balanceTransaction: { type: "payout", amount: -amount, fee: 0n },
  });
  const [row] = await tx
    .insert(payouts)
    .values({
      id,
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      amount,
      currency,
      status: "pending",
      automatic: Boolean(args.automatic),
      scheduleKey: args.automatic?.scheduleKey ?? null,
      description: args.description ?? null,
      bankAccountId: args.bankAccount.id,
      balanceTransactionId: balanceTransaction!.id,
      connector: defaultPayoutConnector().name,
    })
    .returning();
  if (args.automatic && args.automatic.settles.length > 0) {
    await tx
      .insert(payoutSettlements)
      .values(args.automatic.settles.map((bt) => ({ balanceTransactionId: bt, payoutId: id, merchantId: ctx.merchantId, livemode: ctx.livemode })));
  }
  const object = serializePayout(row!);
  changes.audit({
    action: "payout.created",
    targetType: "payout",
    targetId: id,
    metadata: { amount: Number(amount), currency, destination: args.bankAccount.id, last4: args.bankAccount.last4, automatic: object.automatic },
  });
  changes.event("payout.created", object);
  return row!;
}
