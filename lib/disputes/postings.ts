import type { Transaction } from "@/db/client";
import type { DisputeRow } from "@/db/schema";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import { postingsFor } from "@/lib/ledger/postings";

/** Opening a dispute withdraws the amount and the fee from the merchant once (key `dispute:<id>`); it may overdraw. */
export async function postDisputeOpened(tx: Transaction, dispute: DisputeRow): Promise<void> {
  await postJournalEntry(tx, {
    merchantId: dispute.merchantId,
    livemode: dispute.livemode,
    currency: dispute.currency,
    key: `dispute:${dispute.id}`,
    type: "dispute",
    source: { type: "dispute", id: dispute.id },
    lines: postingsFor.dispute({ amount: dispute.amount, fee: dispute.fee }),
    description: `Dispute of ${dispute.paymentId}`,
    balanceTransaction: { type: "dispute", amount: -dispute.amount, fee: dispute.fee },
  });
}

/** A won dispute returns the disputed amount once (key `dispute_won:<id>`); the fee stays withdrawn. */
export async function postDisputeWon(tx: Transaction, dispute: DisputeRow): Promise<void> {
  await postJournalEntry(tx, {
    merchantId: dispute.merchantId,
    livemode: dispute.livemode,
    currency: dispute.currency,
    key: `dispute_won:${dispute.id}`,
    type: "dispute_won",
    source: { type: "dispute", id: dispute.id },
    lines: postingsFor.disputeWon({ amount: dispute.amount }),
    description: `Dispute of ${dispute.paymentId} won`,
    balanceTransaction: { type: "adjustment", amount: dispute.amount, fee: 0n },
  });
}
