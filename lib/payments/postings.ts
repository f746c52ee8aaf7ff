import type { Transaction } from "@/db/client";
import type { PaymentRow, RefundRow } from "@/db/schema";
import { postingsFor } from "@/lib/ledger/postings";
import { journalEntryWrites, postJournalEntry, type PostJournalEntryInput } from "@/lib/ledger/post-journal-entry";
import type { Executor } from "@/db/client";
import type { Renderable } from "@/db/batch";
import type { Changes } from "@/lib/service/commit";
import { holdEscrow } from "@/lib/escrow/hold-escrow";
import { isHeld, postEscrowRefund } from "@/lib/escrow/postings";

/** Funds from a capture become available to the merchant this long after it (Stripe's standard schedule). */
export const AVAILABLE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * The captured amount enters the ledger once per payment (key `capture:<payment>`), less Kassa's fee.
 * An escrowed payment's goes into escrow instead of merchant_pending (lib/escrow), and `payment` is
 * updated in place with its held escrow.
 */
export async function postCapture(tx: Transaction, changes: Changes, payment: PaymentRow, amount: bigint, fee: bigint): Promise<void> {
  if (payment.escrow) return holdEscrow(tx, changes, payment, amount, fee);
  await postJournalEntry(tx, captureEntry(payment, amount, fee, new Date()));
}

/**
 * The same capture as writes for one statement (the confirmation's phase B without a lock): for a payment
 * without escrow whose capture has never been posted (its row is guarded in that statement).
 */
export function captureWrites(db: Executor, payment: PaymentRow, amount: bigint, fee: bigint, at: Date): Renderable[] {
  if (payment.escrow) throw new Error("captureWrites: an escrowed payment's capture is held through postCapture");
  return journalEntryWrites(db, captureEntry(payment, amount, fee, at), at);
}

function captureEntry(payment: PaymentRow, amount: bigint, fee: bigint, at: Date): PostJournalEntryInput {
  return {
    merchantId: payment.merchantId,
    livemode: payment.livemode,
    currency: payment.currency,
    key: `capture:${payment.id}`,
    type: "capture",
    source: { type: "payment", id: payment.id },
    lines: postingsFor.capture({ amount, fee }),
    description: payment.description ?? `Payment ${payment.id}`,
    availableOn: new Date(at.getTime() + AVAILABLE_AFTER_MS),
    balanceTransaction: { type: "charge", amount, fee },
  };
}

/**
 * A succeeded refund leaves the merchant's balance once (key `refund:<refund>`), with its share of the fee;
 * while the payment's funds are held in escrow it leaves escrow instead (`payment` must be locked).
 */
export async function postRefund(tx: Transaction, payment: PaymentRow, refund: RefundRow, feeRefunded: bigint): Promise<void> {
  if (isHeld(payment.escrow)) return postEscrowRefund(tx, payment, refund, feeRefunded);
  await postJournalEntry(tx, {
    merchantId: refund.merchantId,
    livemode: refund.livemode,
    currency: refund.currency,
    key: `refund:${refund.id}`,
    type: "refund",
    source: { type: "refund", id: refund.id },
    lines: postingsFor.refund({ amount: refund.amount, feeRefunded }),
    description: `Refund of ${payment.id}`,
    balanceTransaction: { type: "refund", amount: -refund.amount, fee: -feeRefunded },
  });
}
