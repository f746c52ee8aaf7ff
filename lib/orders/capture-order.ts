import type { PaymentRow } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { capturePayment } from "@/lib/payments/capture-payment";
import { loadPayment } from "@/lib/payments/load-payment";
import { settlePayment } from "@/lib/payments/settle-payment";
import { OPERATION_LEASE_MS } from "@/lib/payments/payment-operation";
import { loadOrder } from "./load-order";
import { failureWrite, progressWrite, recordRetry, stepTryWrite } from "./record-order-step";
import { sagaContext, type TryInfo } from "./saga-context";
import { SagaStepError } from "./saga-errors";

/**
 * Saga step 3: capture the authorisation. capturePayment records the pending capture on the payment
 * before the processor call (its recovery point) and sends it under the key `capture:<payment>`; a try
 * after a crash finds that pending capture and finishes it with the same key, or finds the payment
 * captured already — never a second capture.
 */
export async function captureOrder({ ctx, orderId, tryInfo }: { ctx: ServiceContext; orderId: string; tryInfo: TryInfo }): Promise<{ payment: string }> {
  const started = Date.now();
  const order = await loadOrder(await executor(ctx), ctx, orderId);
  const pctx = sagaContext(order, "capture");
  let payment: PaymentRow;
  try {
    payment = await captureOrResume(pctx, order.paymentId!);
  } catch (error) {
    throw await recordRetry(ctx, order, tryInfo, started, error, "capture");
  }
  const latencyMs = Date.now() - started;
  if (payment.status === "succeeded") {
    await commit(ctx, async (tx) => {
      await stepTryWrite(tx, order, {
        name: "capture",
        attempt: tryInfo.attempt,
        outcome: "succeeded",
        latencyMs,
        detail: { payment: payment.id, amount: Number(payment.amountReceived) },
      });
      await progressWrite(tx, order.id, { captured: true });
    });
    return { payment: payment.id };
  }
  // The authorisation is gone (canceled, expired): nothing can be captured, so the saga compensates.
  const message = `The authorisation can no longer be captured (payment ${payment.status}).`;
  await commit(ctx, async (tx) => {
    await stepTryWrite(tx, order, { name: "capture", attempt: tryInfo.attempt, outcome: "failed", latencyMs, error: message, detail: { payment: payment.id } });
    await failureWrite(tx, order.id, "payment_intent_unexpected_state", message);
  });
  throw new SagaStepError("final", "payment_intent_unexpected_state", message);
}

async function captureOrResume(ctx: ServiceContext, paymentId: string): Promise<PaymentRow> {
  const db = await executor(ctx);
  let payment = await loadPayment(db, ctx, paymentId);
  if (payment.pendingOperation) {
    // A capture (or cancel) sent by an earlier try whose answer was never recorded: finish it with its key.
    await settlePayment({ ctx, paymentId, now: Date.now() + OPERATION_LEASE_MS });
    payment = await loadPayment(db, ctx, paymentId);
  }
  if (payment.status === "requires_capture") {
    await capturePayment({ ctx, id: paymentId, input: {} });
    payment = await loadPayment(db, ctx, paymentId);
  }
  return payment;
}
