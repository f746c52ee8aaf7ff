import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { payments, refunds, type PaymentRow, type RefundRow } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";
import { newId } from "@/lib/ids";
import { feeRefundFor } from "@/lib/payments/fees";
import { postRefund } from "@/lib/payments/postings";
import { serializeRefund } from "./serialize-refund";

/** What the processor paid out: Kassa's own pending refund, or one made at the processor (its dashboard). */
export type RefundSucceeded = { pending: RefundRow; processorId: string | null } | { processor: { amount: bigint; processorId: string } };

/**
 * The one place a refund's success is booked, as a step of the caller's commit with the payment
 * locked: its share of Kassa's fee (pro rata over what was refunded before), the refund row, its
 * ledger entry (once, key `refund:<id>`), the `refund.succeeded` audit row and the events. A pending
 * refund already reserved its amount on the payment (create-refund.ts); one made at the processor is
 * reserved here and announced as created too.
 */
export async function recordRefundSucceeded(tx: Transaction, changes: Changes, payment: PaymentRow, paid: RefundSucceeded): Promise<RefundRow> {
  const amount = "pending" in paid ? paid.pending.amount : paid.processor.amount;
  const [settled] = await tx
    .select({ amount: sql<string>`coalesce(sum(${refunds.amount}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "succeeded")));
  const feeRefunded = feeRefundFor({ fee: payment.fee, amountReceived: payment.amountReceived, refundedBefore: BigInt(settled!.amount), refundAmount: amount });
  let refund: RefundRow;
  if ("pending" in paid) {
    [refund] = (await tx
      .update(refunds)
      .set({ status: "succeeded", feeRefunded, processorId: paid.processorId })
      .where(eq(refunds.id, paid.pending.id))
      .returning()) as [RefundRow];
  } else {
    [refund] = (await tx
      .insert(refunds)
      .values({
        id: newId("refund"),
        merchantId: payment.merchantId,
        livemode: payment.livemode,
        paymentId: payment.id,
        amount,
        feeRefunded,
        currency: payment.currency,
        status: "succeeded",
        metadata: { source: "processor" },
        connector: payment.connector,
        processorId: paid.processor.processorId,
      })
      .returning()) as [RefundRow];
    await tx
      .update(payments)
      .set({ amountRefunded: sql`${payments.amountRefunded} + ${amount}` })
      .where(eq(payments.id, payment.id));
  }
  await postRefund(tx, payment, refund, feeRefunded);
  const object = serializeRefund(refund);
  if ("pending" in paid) {
    changes.audit({ action: "refund.succeeded", targetType: "refund", targetId: refund.id, metadata: { payment: payment.id, amount: Number(amount) } });
    changes.event("refund.succeeded", object, { status: "pending" });
  } else {
    changes.audit({
      action: "refund.succeeded",
      targetType: "refund",
      targetId: refund.id,
      metadata: { payment: payment.id, amount: Number(amount), processor: paid.processor.processorId },
    });
    changes.event("refund.created", object);
    changes.event("refund.succeeded", object);
  }
  return refund;
}
