import type { PostingLine } from "@/lib/ledger/postings";

/**
 * A payout's ledger lines. Out: merchant_available → payouts_in_transit (balance transaction `payout`,
 * amount −A, available at once). Paid: payouts_in_transit → bank_clearing (no merchant money moves, no
 * balance transaction). Failed or canceled: payouts_in_transit → merchant_available (`payout_failure` /
 * `payout_cancel`, amount +A).
 */
export const payoutPostings = {
  out: (amount: bigint): PostingLine[] => [
    { account: "merchant_available", amount },
    { account: "payouts_in_transit", amount: -amount },
  ],
  paid: (amount: bigint): PostingLine[] => [
    { account: "payouts_in_transit", amount },
    { account: "bank_clearing", amount: -amount },
  ],
  returned: (amount: bigint): PostingLine[] => [
    { account: "payouts_in_transit", amount },
    { account: "merchant_available", amount: -amount },
  ],
};
