import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { cryptoDeposits, refunds, type ChainTransactionRow } from "@/db/schema";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import { serializeRefund } from "@/lib/refunds/serialize-refund";
import type { Changes } from "@/lib/service/commit";

/** Payers' money (a surplus, a late payment) leaves crypto_surplus; a merchant's refund leaves its balance. */
const PAYERS_MONEY = new Set(["overpayment", "expired_uncaptured_charge"]);

/** The refund's transaction is signed: its hash is shown on the refund at once (a replacement's hash replaces it). */
export async function noteCryptoRefundSigned(tx: Transaction, row: ChainTransactionRow): Promise<void> {
  await tx
    .update(refunds)
    .set({ crypto: sql`jsonb_set(${refunds.crypto}, '{tx_hash}', to_jsonb(${row.txHash}::text))`, updatedAt: new Date() })
    .where(and(eq(refunds.id, row.sourceId), eq(refunds.status, "pending")));
}

/**
 * The refund's transaction has its receipt, recorded in the same transaction as the receipt: mined →
 * succeeded, with its one ledger posting (key `crypto_refund:<refund>`: the tokens leave the deposits held
 * on chain); reverted → failed, and a merchant's refund gives its reservation back to the payment.
 */
export async function recordCryptoRefund(tx: Transaction, changes: Changes, row: ChainTransactionRow): Promise<void> {
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, row.sourceId)).for("update");
  if (!refund || refund.status !== "pending" || !refund.crypto) return;
  const crypto = { ...refund.crypto, tx_hash: row.txHash };
  const amount = BigInt(crypto.amount);
  const now = new Date();
  const payers = refund.reason !== null && PAYERS_MONEY.has(refund.reason);
  if (row.status === "mined") {
    await postJournalEntry(tx, {
      merchantId: refund.merchantId,
      livemode: refund.livemode,
      currency: crypto.token,
      key: `crypto_refund:${refund.id}`,
      type: "crypto_refund",
      source: { type: "refund", id: refund.id },
      lines: [
        { account: payers ? "crypto_surplus" : "merchant_crypto", amount },
        { account: "crypto_deposits", amount: -amount },
      ],
      description: `${crypto.token} refunded to ${crypto.address} in ${row.txHash}`,
    });
    const [done] = await tx.update(refunds).set({ status: "succeeded", crypto, updatedAt: now }).where(eq(refunds.id, refund.id)).returning();
    changes.audit({
      action: "refund.succeeded",
      targetType: "refund",
      targetId: refund.id,
      metadata: { tx_hash: row.txHash, block: row.blockNumber?.toString() },
    });
    changes.event("refund.succeeded", serializeRefund(done!), { status: "pending" });
    return;
  }
  const failureReason = `The transaction ${row.txHash} reverted on chain.`;
  const [failed] = await tx.update(refunds).set({ status: "failed", failureReason, crypto, updatedAt: now }).where(eq(refunds.id, refund.id)).returning();
  if (!payers) {
    await tx
      .update(cryptoDeposits)
      .set({ amountRefunded: sql`${cryptoDeposits.amountRefunded} - ${amount}`, updatedAt: now })
      .where(eq(cryptoDeposits.id, refund.paymentId));
  }
  changes.audit({ action: "refund.failed", targetType: "refund", targetId: refund.id, metadata: { tx_hash: row.txHash, reason: failureReason } });
  changes.event("refund.failed", serializeRefund(failed!), { status: "pending" });
}
