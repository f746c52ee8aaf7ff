import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { payouts, type PayoutRow } from "@/db/schema";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import { payoutPostings } from "./postings";

/**
 * Gives a payout's amount back to available (failed at the bank, or canceled before it was sent): the
 * `payout_failure` / `payout_cancel` entry with its balance transaction, and the payout's final state.
 * The caller holds the payout row's lock and writes the audit row and event.
 */
export async function returnPayout(
  tx: Transaction,
  payout: PayoutRow,
  how: { kind: "failure"; failureCode: string; failureMessage: string; at: Date } | { kind: "cancel"; at: Date },
): Promise<PayoutRow> {
  const type = how.kind === "failure" ? "payout_failure" : "payout_cancel";
  const { balanceTransaction } = await postJournalEntry(tx, {
    merchantId: payout.merchantId,
    livemode: payout.livemode,
    currency: payout.currency,
    key: `${type}:${payout.id}`,
    type,
    source: { type: "payout", id: payout.id },
    lines: payoutPostings.returned(payout.amount),
    description: how.kind === "failure" ? `Payout ${payout.id} failed: ${how.failureCode}` : `Payout ${payout.id} canceled`,
    balanceTransaction: { type, amount: payout.amount, fee: 0n },
  });
  const [row] = await tx
    .update(payouts)
    .set(
      how.kind === "failure"
        ? {
            status: "failed",
            failureCode: how.failureCode,
            failureMessage: how.failureMessage,
            failedAt: how.at,
            returnBalanceTransactionId: balanceTransaction!.id,
          }
        : { status: "canceled", canceledAt: how.at, returnBalanceTransactionId: balanceTransaction!.id },
    )
    .where(eq(payouts.id, payout.id))
    .returning();
  return row!;
}
