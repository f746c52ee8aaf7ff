import type { JournalEntryType, LedgerAccount } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";

/**
 * Sign convention, for the whole ledger: a line's amount is POSITIVE FOR A DEBIT and NEGATIVE FOR
 * A CREDIT, in integer minor units (bigint). An entry's lines sum to zero per currency.
 *
 * Asset accounts (processor_clearing, disputes, refunds as money owed out) grow with debits;
 * liability and revenue accounts (merchant_pending, merchant_available, reserve, fees) grow with
 * credits. So the merchant's balance is the NEGATED sum of its merchant_* lines.
 *
 * Every movement of merchant money lands in merchant_pending first, with a balance transaction
 * whose net equals that credit; releaseAvailableFunds later moves it to merchant_available.
 */
export interface PostingLine {
  account: LedgerAccount;
  /** Debit positive, credit negative. */
  amount: bigint;
}

/** Entry types that may leave a merchant's balance negative (see checkLedgerInvariants). */
export const OVERDRAFT_ENTRY_TYPES: readonly JournalEntryType[] = ["dispute", "dispute_won"];

const debit = (account: LedgerAccount, amount: bigint): PostingLine => ({ account, amount });
const credit = (account: LedgerAccount, amount: bigint): PostingLine => ({ account, amount: -amount });
/** Zero lines carry no information (e.g. a capture without a fee) and the schema rejects them. */
const nonZero = (lines: PostingLine[]) => lines.filter((l) => l.amount !== 0n);

function positive(name: string, value: bigint, { allowZero = false } = {}): bigint {
  if (typeof value !== "bigint" || value < 0n || (!allowZero && value === 0n)) {
    throw new KassaError("ledger_entry_invalid", `${name} must be a ${allowZero ? "non-negative" : "positive"} bigint.`, {
      param: name,
    });
  }
  return value;
}

/**
 * The line sets the money path posts. Each returns lines only; the caller passes them to
 * postJournalEntry with the matching balance transaction (noted per helper).
 */
export const postingsFor = {
  /** A captured payment. Balance transaction: `charge`, amount, fee. */
  capture({ amount, fee = 0n }: { amount: bigint; fee?: bigint }): PostingLine[] {
    positive("amount", amount);
    positive("fee", fee, { allowZero: true });
    if (fee > amount) throw new KassaError("ledger_entry_invalid", "fee exceeds amount.", { param: "fee" });
    return nonZero([debit("processor_clearing", amount), credit("merchant_pending", amount - fee), credit("fees", fee)]);
  },

  /**
   * A refund out of the merchant's balance, returning `feeRefunded` of Kassa's fee (pro rata).
   * Balance transaction: `refund`, amount -amount, fee -feeRefunded.
   */
  refund({ amount, feeRefunded = 0n }: { amount: bigint; feeRefunded?: bigint }): PostingLine[] {
    positive("amount", amount);
    positive("feeRefunded", feeRefunded, { allowZero: true });
    if (feeRefunded > amount) throw new KassaError("ledger_entry_invalid", "feeRefunded exceeds amount.", { param: "feeRefunded" });
    return nonZero([debit("merchant_pending", amount - feeRefunded), debit("fees", feeRefunded), credit("refunds", amount)]);
  },

  /** A refund the processor could not pay out comes back. Balance transaction: `refund_failure`, amount. */
  refundFailure({ amount }: { amount: bigint }): PostingLine[] {
    positive("amount", amount);
    return [debit("refunds", amount), credit("merchant_pending", amount)];
  },

  /**
   * Authorising and releasing (voiding) an authorisation move no money, so they have no lines:
   * the hold lives at the card issuer, and only a capture posts. Returns an empty set; do not post it.
   */
  releaseAuthorization(): PostingLine[] {
    return [];
  },

  /**
   * A dispute withdraws the disputed amount plus the dispute fee; it may overdraw the merchant.
   * Balance transaction: `dispute`, amount -amount, fee.
   */
  dispute({ amount, fee = 0n }: { amount: bigint; fee?: bigint }): PostingLine[] {
    positive("amount", amount);
    positive("fee", fee, { allowZero: true });
    return nonZero([debit("merchant_pending", amount + fee), credit("disputes", amount), credit("fees", fee)]);
  },

  /**
   * A won dispute returns the disputed amount (and the fee, where the network refunds it).
   * Balance transaction: `adjustment`, amount +amount, fee -feeRefund.
   */
  disputeWon({ amount, feeRefund = 0n }: { amount: bigint; feeRefund?: bigint }): PostingLine[] {
    positive("amount", amount);
    positive("feeRefund", feeRefund, { allowZero: true });
    return nonZero([debit("disputes", amount), debit("fees", feeRefund), credit("merchant_pending", amount + feeRefund)]);
  },

  /** Moves a balance transaction's net from pending to available (releaseAvailableFunds). */
  release({ net }: { net: bigint }): PostingLine[] {
    if (typeof net !== "bigint") throw new KassaError("ledger_entry_invalid", "net must be a bigint.", { param: "net" });
    return nonZero([debit("merchant_pending", net), credit("merchant_available", net)]);
  },
};

/** The mirror of a line set: every debit becomes a credit of the same size and the other way. */
export function mirror(lines: readonly PostingLine[]): PostingLine[] {
  return lines.map((l) => ({ account: l.account, amount: -l.amount }));
}
