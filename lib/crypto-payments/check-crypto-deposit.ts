import { and, eq, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { cryptoDeposits, payments, type CryptoDepositRow, type CryptoDepositStatus, type CryptoDetails, type PaymentStatus } from "@/db/schema";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import type { PostingLine } from "@/lib/ledger/postings";
import { loadPayment } from "@/lib/payments/load-payment";
import { serializePayment } from "@/lib/payments/serialize-payment";
import { commit, type Changes } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { cryptoChain } from "./chain";
import { cryptoNextAction } from "./next-action";
import { queueEscrowDeposit } from "./queue-escrow";
import { queueCryptoRefund, queueSweep } from "./queue-sweep";
import { readDeposit, type DepositView } from "./read-deposit";

export interface CryptoCheck {
  status: PaymentStatus;
  deposit: CryptoDepositStatus;
  /** Nothing more will happen to the payment (confirmed or expired). */
  final: boolean;
}

const FINAL: CryptoDepositStatus[] = ["confirmed", "expired"];

/** The one posting of a confirmed payment: everything received is held on chain; the amount is the merchant's, the rest the payer's. */
function depositLines(amount: bigint, received: bigint, escrowed: boolean): PostingLine[] {
  const surplus = received - amount;
  return [
    { account: "crypto_deposits", amount: received },
    // An escrowed payment is held for the merchant until the contract releases it (advance-crypto-escrow.ts).
    { account: escrowed ? "crypto_escrow" : "merchant_crypto", amount: -amount },
    ...(surplus > 0n ? [{ account: "crypto_surplus" as const, amount: -surplus }] : []),
  ];
}

/**
 * One look at a crypto payment's deposit address, booked: fully confirmed → succeeded with one ledger
 * posting (key `crypto_deposit:<payment>`), an audit row and `payment.succeeded`, all in one transaction;
 * partly confirmed → still requires_action, next_action asking for the remainder; a transfer a reorg
 * removed before its confirmations → back to pending. With `expire`, a payment not paid in full is
 * canceled (expired). Safe to run twice: the locked re-read sees a final state and changes nothing, and
 * the posting's key is unique. A payment canceled meanwhile stays canceled. Once confirmed a payment is final: a reorg deeper than the confirmations
 * is not followed in this slice.
 */
export async function checkCryptoDeposit({
  ctx,
  paymentId,
  expire = false,
  late = false,
}: {
  ctx: ServiceContext;
  paymentId: string;
  expire?: boolean;
  /** After the expiry: only look for money that arrived late, and send it back. */
  late?: boolean;
}): Promise<CryptoCheck> {
  const db = await executor(ctx);
  const scope = and(eq(cryptoDeposits.id, paymentId), eq(cryptoDeposits.merchantId, ctx.merchantId), eq(cryptoDeposits.livemode, ctx.livemode));
  const [seen] = await db.select().from(cryptoDeposits).where(scope);
  if (!seen) throw new Error(`No crypto deposit for payment ${paymentId}`);
  if (late) return returnLateMoney(ctx, seen, scope);
  if (FINAL.includes(seen.status)) {
    const p = await loadPayment(db, ctx, paymentId);
    return { status: p.status, deposit: seen.status, final: true };
  }
  const view = await readDeposit(await cryptoChain(), seen);

  return commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, paymentId, { lock: true });
    // The row was read above and is never deleted.
    const deposit = (await tx.select().from(cryptoDeposits).where(scope).for("update"))[0]!;
    if (FINAL.includes(deposit.status)) return { status: payment.status, deposit: deposit.status, final: true };
    // Canceled through the API while waiting: nothing more is booked (a transfer after it is a later slice's refund).
    if (payment.status !== "requires_action") return { status: payment.status, deposit: deposit.status, final: true };
    const amount = deposit.amount;
    const paid = view.confirmed >= amount;
    const status: CryptoDepositStatus = paid ? "confirmed" : expire ? "expired" : view.pending > 0n ? "confirming" : "pending";
    const now = new Date();
    const before = payment.crypto!;
    const details: CryptoDetails = {
      ...before,
      amount_received: view.confirmed.toString(),
      amount_pending: view.pending.toString(),
      amount_remaining: (paid ? 0n : amount - view.confirmed).toString(),
      surplus: (paid ? view.confirmed - amount : 0n).toString(),
      status,
      transfers: view.transfers,
    };
    const unchanged = JSON.stringify(details) === JSON.stringify(before);
    if (unchanged && !expire) return { status: payment.status, deposit: status, final: false };

    const next = { ...payment, crypto: details, updatedAt: now };
    if (paid) {
      Object.assign(next, { status: "succeeded", nextAction: null, capturedAt: now });
      await postJournalEntry(tx, {
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        currency: deposit.token,
        key: `crypto_deposit:${payment.id}`,
        type: "crypto_deposit",
        source: { type: "payment", id: payment.id },
        lines: depositLines(amount, view.confirmed, deposit.escrow !== null),
        description: `${deposit.token} received at ${deposit.address}`,
      });
      // Into the treasury (refunds leave from there); a surplus goes back to whoever sent the last transfer.
      const sweepId = await queueSweep(tx, ctx, changes, deposit, view.confirmed);
      const payer = lastSender(view);
      if (deposit.escrow && payer) {
        details.escrow = await queueEscrowDeposit(tx, ctx, changes, { deposit, amount, payer, sweepId });
        await tx.update(cryptoDeposits).set({ escrow: details.escrow }).where(scope);
      }
      if (view.confirmed > amount && payer) {
        await queueCryptoRefund(tx, ctx, changes, { deposit, to: payer, amount: view.confirmed - amount, reason: "overpayment", afterId: sweepId });
      }
    } else if (expire) {
      Object.assign(next, { status: "canceled", nextAction: null, canceledAt: now, cancellationReason: "expired" });
      // What was paid short of the amount is the payer's: back to them (the late checks do the same for what comes after).
      if (view.confirmed > 0n) await returnToPayer(tx, ctx, changes, deposit, view, view.confirmed);
    } else {
      next.nextAction = await cryptoNextAction(details, deposit.tokenAddress);
    }
    await tx
      .update(payments)
      .set({
        status: next.status,
        crypto: details,
        nextAction: next.nextAction,
        capturedAt: next.capturedAt,
        canceledAt: next.canceledAt,
        cancellationReason: next.cancellationReason,
        updatedAt: now,
      })
      .where(eq(payments.id, payment.id));
    await tx
      .update(cryptoDeposits)
      .set({
        status,
        amountReceived: view.confirmed,
        transfers: view.transfers,
        confirmedAt: paid ? now : null,
        ...(expire && !paid ? { amountRefunded: view.confirmed } : {}),
        updatedAt: now,
      })
      .where(scope);
    if (paid || expire) {
      const action = paid ? "payment.succeeded" : "payment.canceled";
      changes.audit({
        action,
        targetType: "payment",
        targetId: payment.id,
        metadata: { token: deposit.token, amount_received: details.amount_received, surplus: details.surplus, head: view.head.toString() },
      });
      changes.event(action, serializePayment(next), { status: payment.status });
    }
    return { status: next.status, deposit: status, final: paid || expire };
  });
}

/** The sender of the newest confirmed transfer (a token's log names it; ETH's balance does not). */
function lastSender(view: DepositView): string | null {
  const confirmed = view.transfers.filter((t) => t.from);
  return confirmed.at(-1)?.from ?? null;
}

/**
 * Money at an expired payment's address is the payer's: booked as held for them (crypto_late_deposit,
 * key per cumulative amount so a repeat books nothing twice), swept, and sent back to the last sender.
 * ETH (no sender on record) stays booked as the payer's until someone sends it back by hand.
 */
async function returnToPayer(
  tx: Transaction,
  ctx: ServiceContext,
  changes: Changes,
  deposit: CryptoDepositRow,
  view: DepositView,
  amount: bigint,
): Promise<void> {
  const returnedBefore = deposit.amountRefunded;
  await postJournalEntry(tx, {
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    currency: deposit.token,
    key: `crypto_late_deposit:${deposit.id}:${returnedBefore + amount}`,
    type: "crypto_late_deposit",
    source: { type: "payment", id: deposit.id },
    lines: [
      { account: "crypto_deposits", amount },
      { account: "crypto_surplus", amount: -amount },
    ],
    description: `${deposit.token} received at ${deposit.address} after the payment expired`,
  });
  const sweepId = await queueSweep(tx, ctx, changes, deposit, amount);
  const payer = lastSender(view);
  if (payer) await queueCryptoRefund(tx, ctx, changes, { deposit, to: payer, amount, reason: "expired_uncaptured_charge", afterId: sweepId });
  changes.audit({
    action: "payment.crypto_late_payment_returned",
    targetType: "payment",
    targetId: deposit.id,
    metadata: { token: deposit.token, amount: amount.toString(), to: payer },
  });
}

/** A check after the expiry: confirmed money beyond what was already sent back is returned (see returnToPayer). */
async function returnLateMoney(ctx: ServiceContext, seen: CryptoDepositRow, scope: SQL | undefined): Promise<CryptoCheck> {
  if (seen.status !== "expired") return { status: "canceled", deposit: seen.status, final: true };
  const view = await readDeposit(await cryptoChain(), seen);
  return commit(ctx, async (tx, changes) => {
    const deposit = (await tx.select().from(cryptoDeposits).where(scope).for("update"))[0]!;
    const late = view.confirmed - deposit.amountRefunded;
    if (late > 0n) {
      await returnToPayer(tx, ctx, changes, deposit, view, late);
      await tx
        .update(cryptoDeposits)
        .set({ amountRefunded: view.confirmed, amountReceived: view.confirmed, transfers: view.transfers, updatedAt: new Date() })
        .where(scope);
    }
    return { status: "canceled", deposit: "expired", final: false };
  });
}
