import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { balanceTransactions, payments, type PaymentRow, type RefundRow } from "@/db/schema";
import type { EscrowState } from "@/db/schema/escrow";
import type { PostingLine } from "@/lib/ledger/postings";
import { postingsFor } from "@/lib/ledger/postings";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import { KassaError } from "@/lib/service/errors";

/**
 * Escrow's ledger lines (sign convention of lib/ledger/postings.ts: debit positive). The `escrow`
 * account is a liability like merchant_pending: its credit balance is what escrowed payments hold.
 * Money enters it at capture instead of merchant_pending (no balance transaction: the merchant has
 * nothing yet), leaves it by refunds while held, and at release moves to the merchant with an
 * `escrow_release` balance transaction that is available at once.
 */
const nonZero = (lines: PostingLine[]) => lines.filter((l) => l.amount !== 0n);
const invalid = (message: string) => new KassaError("ledger_entry_invalid", message);

export const escrowPostings = {
  /** Capture of an escrowed payment: the net into escrow, Kassa's fee taken as for any capture. */
  hold({ amount, fee }: { amount: bigint; fee: bigint }): PostingLine[] {
    if (amount <= 0n || fee < 0n || fee > amount) throw invalid("escrow hold needs 0 ≤ fee ≤ amount, amount > 0.");
    return nonZero([
      { account: "processor_clearing", amount },
      { account: "escrow", amount: -(amount - fee) },
      { account: "fees", amount: -fee },
    ]);
  },
  /** A refund while held: out of escrow (not merchant_pending), with its share of the fee returned. */
  refund({ amount, feeRefunded }: { amount: bigint; feeRefunded: bigint }): PostingLine[] {
    if (amount <= 0n || feeRefunded < 0n || feeRefunded > amount) throw invalid("escrow refund needs 0 ≤ feeRefunded ≤ amount, amount > 0.");
    return nonZero([
      { account: "escrow", amount: amount - feeRefunded },
      { account: "fees", amount: feeRefunded },
      { account: "refunds", amount: -amount },
    ]);
  },
  /** The release: what escrow holds for the payment to the merchant (then pending → available at once). */
  release({ net }: { net: bigint }): PostingLine[] {
    if (net <= 0n) throw invalid("escrow release needs a positive net.");
    return [
      { account: "escrow", amount: net },
      { account: "merchant_pending", amount: -net },
    ];
  },
};

export const isHeld = (e: EscrowState | null): e is EscrowState => e !== null && (e.status === "held" || e.status === "disputed");

/** Writes the payment's new escrow state and keeps the caller's row in step (its events serialise it). */
export async function saveEscrow(tx: Transaction, payment: PaymentRow, escrow: EscrowState, releaseAt = payment.escrowReleaseAt): Promise<void> {
  await tx.update(payments).set({ escrow, escrowReleaseAt: releaseAt }).where(eq(payments.id, payment.id));
  payment.escrow = escrow;
  payment.escrowReleaseAt = releaseAt;
}

/** The capture of an escrowed payment (key `capture:<payment>`, type capture, as any capture). */
export async function postEscrowHold(tx: Transaction, payment: PaymentRow, amount: bigint, fee: bigint): Promise<boolean> {
  const { created } = await postJournalEntry(tx, {
    merchantId: payment.merchantId,
    livemode: payment.livemode,
    currency: payment.currency,
    key: `capture:${payment.id}`,
    type: "capture",
    source: { type: "payment", id: payment.id },
    lines: escrowPostings.hold({ amount, fee }),
    description: payment.description ?? `Payment ${payment.id} (escrow)`,
  });
  return created;
}

/** A refund booked while the payment's funds are in escrow (key `refund:<refund>`, type refund, as any refund). */
export async function postEscrowRefund(tx: Transaction, payment: PaymentRow, refund: RefundRow, feeRefunded: bigint): Promise<void> {
  const escrow = payment.escrow!;
  const { created } = await postJournalEntry(tx, {
    merchantId: refund.merchantId,
    livemode: refund.livemode,
    currency: refund.currency,
    key: `refund:${refund.id}`,
    type: "refund",
    source: { type: "refund", id: refund.id },
    lines: escrowPostings.refund({ amount: refund.amount, feeRefunded }),
    description: `Refund of ${payment.id} out of escrow`,
  });
  if (!created) return;
  const amount = BigInt(escrow.amount) - refund.amount;
  const fee = BigInt(escrow.fee) - feeRefunded;
  await saveEscrow(tx, payment, { ...escrow, amount: String(amount), fee: String(fee), status: amount === 0n ? "refunded" : escrow.status });
}

/**
 * Moves what escrow holds for the payment to the merchant's available balance: an `escrow_release:<payment>`
 * entry into merchant_pending with its `escrow_release` balance transaction due now, then (as
 * releaseAvailableFunds would) `release:<txn>` to merchant_available and the transaction marked available.
 * Both keys post once, so a second call changes nothing.
 */
export async function postEscrowRelease(tx: Transaction, payment: PaymentRow, now: Date): Promise<void> {
  const escrow = payment.escrow!;
  const amount = BigInt(escrow.amount);
  const fee = BigInt(escrow.fee);
  if (amount - fee <= 0n) return; // nothing left in escrow (a fee as large as the amount)
  const base = { merchantId: payment.merchantId, livemode: payment.livemode, currency: payment.currency };
  const { balanceTransaction: bt } = await postJournalEntry(tx, {
    ...base,
    key: `escrow_release:${payment.id}`,
    type: "escrow_release",
    source: { type: "payment", id: payment.id },
    lines: escrowPostings.release({ net: amount - fee }),
    description: `Escrow release of ${payment.id}`,
    availableOn: now,
    balanceTransaction: { type: "escrow_release", amount, fee },
  });
  if (!bt || bt.status === "available") return;
  await postJournalEntry(tx, {
    ...base,
    key: `release:${bt.id}`,
    type: "release",
    source: { type: "balance_transaction", id: bt.id },
    lines: postingsFor.release({ net: bt.net }),
  });
  await tx.update(balanceTransactions).set({ status: "available" }).where(eq(balanceTransactions.id, bt.id));
}
