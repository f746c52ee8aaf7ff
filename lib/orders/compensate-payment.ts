import type { OrderRow, PaymentRow, RefundRow } from "@/db/schema";
import { refunds } from "@/db/schema";
import { eq } from "drizzle-orm";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { loadPayment } from "@/lib/payments/load-payment";
import { settlePayment } from "@/lib/payments/settle-payment";
import { OPERATION_LEASE_MS } from "@/lib/payments/payment-operation";
import { reserveRefund } from "@/lib/refunds/create-refund";
import { sendRefund } from "@/lib/refunds/send-refund";
import { loadOrder } from "./load-order";
import { progressWrite, recordRetry, stepTryWrite } from "./record-order-step";
import { sagaContext, type TryInfo } from "./saga-context";
import { SagaStepError, stepKeyOf } from "./saga-errors";

export type CompensationResult = { done: "voided" | "refunded" | "nothing" };

/**
 * Compensation for the payment: an authorisation not captured is voided (cancelPayment, under the key
 * `cancel:<payment>`); a captured one is refunded in full. The refund is reserved and recorded on the order
 * in one commit before it is sent (the recovery point), and sent with the refund id as the processor's
 * key, so however often this runs there is exactly one refund. Safe to call any number of times.
 */
export async function compensatePayment({
  ctx,
  orderId,
  tryInfo,
  only,
}: {
  ctx: ServiceContext;
  orderId: string;
  tryInfo: TryInfo;
  /** The saga runs the refund first (undoing the capture) and the void last (undoing the authorisation). */
  only: "refund" | "void";
}): Promise<CompensationResult> {
  const started = Date.now();
  const db = await executor(ctx);
  const order = await loadOrder(db, ctx, orderId);
  if (!order.paymentId || (only === "refund" ? order.progress.refunded : order.progress.voided)) return { done: "nothing" };
  let payment = await loadPayment(db, ctx, order.paymentId);
  try {
    if (payment.pendingOperation) {
      // A capture or cancel an earlier try sent without recording the answer: finish it with its key first.
      await settlePayment({ ctx: sagaContext(order, only), paymentId: payment.id, now: Date.now() + OPERATION_LEASE_MS });
      payment = await loadPayment(db, ctx, payment.id);
    }
    const captured = payment.status === "succeeded" || order.refundId !== null;
    if (only === "refund") return captured ? await refund(ctx, order, payment, tryInfo, started) : { done: "nothing" };
    if (captured) return { done: "nothing" };
    if (payment.status === "requires_capture") {
      await cancelPayment({ ctx: sagaContext(order, "void"), id: payment.id, input: {}, reason: "abandoned" });
      payment = await loadPayment(db, ctx, payment.id);
    }
  } catch (error) {
    throw await recordRetry(ctx, order, tryInfo, started, error, only);
  }
  if (payment.status !== "canceled") return { done: "nothing" }; // declined or never authorised: no hold to release
  await commit(ctx, async (tx) => {
    if (!order.progress.voided) {
      await stepTryWrite(tx, order, {
        name: "void",
        attempt: tryInfo.attempt,
        outcome: "succeeded",
        latencyMs: Date.now() - started,
        detail: { payment: payment.id },
      });
    }
    await progressWrite(tx, order.id, { voided: true });
  });
  return { done: "voided" };
}

async function refund(ctx: ServiceContext, order: OrderRow, payment: PaymentRow, tryInfo: TryInfo, started: number): Promise<CompensationResult> {
  const rctx = sagaContext(order, "refund");
  const pending = await commit(rctx, async (tx, changes): Promise<RefundRow> => {
    const locked = await loadOrder(tx, ctx, order.id, { lock: true });
    if (locked.refundId) return (await tx.select().from(refunds).where(eq(refunds.id, locked.refundId)))[0]!;
    const reserved = await reserveRefund(tx, rctx, changes, {
      payment: payment.id,
      reason: "requested_by_customer",
      metadata: { order: order.id, step_key: stepKeyOf(order.id, "refund") },
    });
    await progressWrite(tx, order.id, {}, { refundId: reserved.id });
    return reserved;
  });
  const sent = await sendRefund(rctx, pending);
  if (sent.status === "succeeded") {
    await commit(ctx, async (tx) => {
      await stepTryWrite(tx, order, {
        name: "refund",
        attempt: tryInfo.attempt,
        outcome: "succeeded",
        latencyMs: Date.now() - started,
        detail: { refund: sent.id, amount: Number(sent.amount) },
      });
      await progressWrite(tx, order.id, { refunded: true });
    });
    return { done: "refunded" };
  }
  const message = sent.status === "pending" ? "The processor has not confirmed the refund yet." : `The refund ended ${sent.status}.`;
  await commit(ctx, (tx) =>
    stepTryWrite(tx, order, {
      name: "refund",
      attempt: tryInfo.attempt,
      outcome: tryInfo.lastTry ? "failed" : "retrying",
      latencyMs: Date.now() - started,
      error: message,
      detail: { refund: sent.id },
    }),
  );
  throw new SagaStepError("retry", "refund_pending", message);
}
