import { and, eq } from "drizzle-orm";
import { paymentAttempts, payments, upiEvents, type PaymentRow, type RefundRow } from "@/db/schema";
import type { Charge } from "@/lib/gateways/types";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { connectorOf } from "@/lib/payments/connector";
import { loadPayment } from "@/lib/payments/load-payment";
import { postCapture } from "@/lib/payments/postings";
import { serializePayment, type PaymentObject } from "@/lib/payments/serialize-payment";
import { reserveRefund } from "@/lib/refunds/create-refund";
import { sendRefund } from "@/lib/refunds/send-refund";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadUpiSettings, upiFee } from "./settings";

/**
 * A UPI payment paid after Kassa had expired it (the bank debited the customer late). The money was
 * received, so it is booked — the payment succeeds with its capture in the ledger — and in the same
 * commit its full refund (reason `expired_uncaptured_charge`) is reserved, then sent to the PSP: a crash
 * in between leaves a pending refund the reconciliation job sends with the same key. The timeline and
 * the audit trail say why. If the payment had moved on (tried again after the expiry), the late money is
 * not this payment's: the PSP refunds it at once and only the timeline records it.
 */
export async function applyLateUpiSuccess({
  ctx,
  paymentId,
  attemptId,
  charge,
}: {
  ctx: ServiceContext;
  paymentId: string;
  attemptId: string;
  charge: Charge;
}): Promise<PaymentObject> {
  const done = await commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, paymentId, { lock: true });
    const [attempt] = await tx
      .select()
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.paymentId, paymentId)));
    if (!attempt || attempt.status === "succeeded") return { payment, refund: null, unbooked: false };
    const timeline = (detail: Record<string, unknown>) =>
      changes.write(
        tx.insert(upiEvents).values({
          id: newId("upiEvent"),
          merchantId: payment.merchantId,
          livemode: payment.livemode,
          paymentId,
          attemptId,
          kind: "late_success",
          status: "success",
          detail,
        }),
      );
    if (payment.status !== "requires_payment_method" || payment.latestAttemptId !== attemptId) {
      timeline({ booked: false, psp_reference: charge.processorId, reason: "the payment was tried again after it expired" });
      changes.audit({ action: "payment.upi_late_success_returned", targetType: "payment", targetId: paymentId, metadata: { attempt: attemptId } });
      return { payment, refund: null, unbooked: true };
    }
    const upi = charge.paymentMethod.type === "upi" ? charge.paymentMethod.upi : null;
    const amount = charge.amount;
    const fee = upiFee(amount, (await loadUpiSettings(tx, payment)).feeBasisPoints);
    const now = new Date();
    const paid: Partial<PaymentRow> = {
      status: "succeeded",
      amountReceived: amount,
      amountCapturable: 0n,
      fee,
      capturedAt: now,
      processorId: charge.processorId,
      lastPaymentError: null,
      nextAction: null,
      upi: { ...payment.upi!, status: "success", rrn: upi?.rrn ?? null, vpa: upi?.vpa ?? payment.upi?.vpa ?? null, payer_name: upi?.payerName ?? null },
      updatedAt: now,
    };
    await tx.update(payments).set(paid).where(eq(payments.id, paymentId));
    await tx.update(paymentAttempts).set({ status: "succeeded", processorId: charge.processorId, updatedAt: now }).where(eq(paymentAttempts.id, attemptId));
    const next = { ...payment, ...paid } as PaymentRow;
    await postCapture(tx, changes, next, amount, fee);
    changes.audit({
      action: "payment.succeeded",
      targetType: "payment",
      targetId: paymentId,
      metadata: { status: "succeeded", attempt: attemptId, late: true },
    });
    changes.event("payment.succeeded", serializePayment(next), { status: payment.status });
    const refund = await reserveRefund(tx, ctx, changes, {
      payment: paymentId,
      reason: "expired_uncaptured_charge",
      metadata: { upi_late_success: attemptId },
    });
    await tx
      .update(payments)
      .set({ upi: { ...next.upi!, late_refund: refund.id } })
      .where(eq(payments.id, paymentId));
    timeline({ booked: true, refund: refund.id, psp_reference: charge.processorId, rrn: upi?.rrn ?? null });
    changes.audit({
      action: "payment.upi_late_success_refunded",
      targetType: "payment",
      targetId: paymentId,
      metadata: { attempt: attemptId, refund: refund.id },
    });
    return {
      payment: { ...next, upi: { ...next.upi!, late_refund: refund.id }, amountRefunded: next.amountRefunded + refund.amount },
      refund,
      unbooked: false,
    };
  });
  if (done.refund) await sendLateRefund(ctx, done.refund);
  if (done.unbooked) await returnUnbookedMoney(done.payment, attemptId, charge);
  return serializePayment(done.payment);
}

async function sendLateRefund(ctx: ServiceContext, refund: RefundRow): Promise<void> {
  try {
    await sendRefund(ctx, refund);
  } catch (err) {
    logger.warn({ err, refund: refund.id }, "late UPI success: refund left pending for reconciliation");
  }
}

/** The PSP returns money that is not the payment's (keyed by the attempt, so a repeat is the same refund). */
async function returnUnbookedMoney(payment: PaymentRow, attemptId: string, charge: Charge): Promise<void> {
  try {
    await connectorOf("upi_sandbox").refund(
      { merchantId: payment.merchantId, livemode: payment.livemode },
      { processorId: charge.processorId, amount: charge.amount, idempotencyKey: `late_${attemptId}`, paymentId: payment.id },
    );
  } catch (err) {
    logger.error(
      { err, payment: payment.id, attempt: attemptId },
      "late UPI success on a payment tried again: the PSP refund failed; retried on the next callback or check",
    );
  }
}
