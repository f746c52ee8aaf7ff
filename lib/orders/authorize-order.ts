import type { PaymentRow } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { ERROR_CODES } from "@/lib/service/error-codes";
import { createPayment } from "@/lib/payments/create-payment";
import { confirmPayment } from "@/lib/payments/confirm-payment";
import { loadPayment } from "@/lib/payments/load-payment";
import { settlePayment } from "@/lib/payments/settle-payment";
import { OPERATION_LEASE_MS } from "@/lib/payments/payment-operation";
import { loadOrder } from "./load-order";
import { failureWrite, progressWrite, recordRetry, stepTryWrite } from "./record-order-step";
import { sagaContext, type TryInfo } from "./saga-context";
import { SagaStepError, stepKeyOf } from "./saga-errors";

/**
 * Saga step 1: authorise the order's amount (a payment with capture_method manual, confirmed with the
 * order's payment method). Exactly once across crashes: the payment is made and recorded on the order in
 * one commit before it is sent (the recovery point); a later try confirms that very payment if it was
 * never sent, or settles it with the processor under the same attempt key if it was — never a second one.
 */
export async function authorizeOrder({ ctx, orderId, tryInfo }: { ctx: ServiceContext; orderId: string; tryInfo: TryInfo }): Promise<{ payment: string }> {
  const started = Date.now();
  const order = await commit(ctx, async (tx) => {
    const order = await loadOrder(tx, ctx, orderId, { lock: true });
    if (order.paymentId) return order;
    const payment = await createPayment({
      ctx: { ...sagaContext(order, "authorize"), db: tx },
      input: {
        amount: Number(order.amount),
        currency: order.currency,
        payment_method: order.paymentMethod,
        capture_method: "manual",
        description: `Order ${order.id}`,
        metadata: { order: order.id, step_key: stepKeyOf(order.id, "authorize") },
      },
    });
    await progressWrite(tx, order.id, {}, { paymentId: payment.id, status: "processing" });
    return { ...order, paymentId: payment.id };
  });
  const pctx = sagaContext(order, "authorize");
  let payment: PaymentRow;
  try {
    payment = await authorizeOrResume(pctx, order.paymentId!);
  } catch (error) {
    throw await recordRetry(ctx, order, tryInfo, started, error, "authorize");
  }
  const latencyMs = Date.now() - started;

  if (payment.status === "requires_capture") {
    await commit(ctx, async (tx) => {
      await stepTryWrite(tx, order, { name: "authorize", attempt: tryInfo.attempt, outcome: "succeeded", latencyMs, detail: { payment: payment.id } });
      await progressWrite(tx, order.id, { authorized: true });
    });
    return { payment: payment.id };
  }
  if (payment.status === "processing") {
    // The processor's answer is not known yet: ask again on the next try (same attempt key).
    const message = "The processor has not answered the authorisation yet.";
    await commit(ctx, async (tx) => {
      await stepTryWrite(tx, order, {
        name: "authorize",
        attempt: tryInfo.attempt,
        outcome: tryInfo.lastTry ? "failed" : "retrying",
        latencyMs,
        error: message,
        detail: { payment: payment.id },
      });
      if (tryInfo.lastTry) await failureWrite(tx, order.id, "processor_error", message);
    });
    throw new SagaStepError("retry", "processor_error", message);
  }
  const e = payment.lastPaymentError;
  const code = payment.status === "requires_action" ? "authentication_required" : (e?.code ?? "card_declined");
  const message =
    payment.status === "requires_action"
      ? "The card asks for 3-D Secure, which an order saga cannot complete."
      : (e?.message ?? `The authorisation ended ${payment.status}.`);
  await commit(ctx, async (tx) => {
    await stepTryWrite(tx, order, {
      name: "authorize",
      attempt: tryInfo.attempt,
      outcome: "failed",
      latencyMs,
      error: `${code}: ${message}`,
      detail: { payment: payment.id },
    });
    await failureWrite(tx, order.id, code, message);
  });
  throw new SagaStepError("final", code, message);
}

/** Confirms the recorded payment if it was never sent, or settles a try whose answer was lost. */
async function authorizeOrResume(ctx: ServiceContext, paymentId: string): Promise<PaymentRow> {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId);
  if (payment.status === "requires_confirmation") {
    try {
      await confirmPayment({ ctx, id: paymentId, input: {} });
    } catch (error) {
      // A decline is recorded on the payment (its last_payment_error); anything else is for the step's retry.
      if (!(error instanceof KassaError && ERROR_CODES[error.code].type === "card_error")) throw error;
    }
  } else if (payment.status === "processing") {
    await settlePayment({ ctx, paymentId, now: Date.now() + OPERATION_LEASE_MS });
  }
  return loadPayment(db, ctx, paymentId);
}
