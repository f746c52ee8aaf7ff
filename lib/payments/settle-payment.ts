import type { PaymentRow, PaymentStatus } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { ConnectorUnknownOutcomeError } from "@/lib/gateways/types";
import { applyAuthorization } from "./apply-authorization";
import { authorizeAttempt, loadAttempt, recoverAttempt, startAttempt } from "./attempt";
import { connectorOf } from "./connector";
import { loadPayment } from "./load-payment";
import { applyOperation, OPERATION_LEASE_MS, runOperation } from "./payment-operation";

/** An attempt still `started` this soon may be in flight in its request; leave it alone until then. */
export const IN_FLIGHT_GRACE_MS = 10_000;

export interface SettleResult {
  status: PaymentStatus;
  /** False while the payment still waits on the processor (call again later). */
  done: boolean;
}

/**
 * The reconciliation verb (system actor): finishes whatever a payment is waiting for — an attempt
 * whose answer was lost (asked again with the same idempotency key), a transient decline (a new
 * attempt), a capture or cancel that never got recorded. Safe to call any number of times.
 */
export async function settlePayment({ ctx, paymentId, now = Date.now() }: { ctx: ServiceContext; paymentId: string; now?: number }): Promise<SettleResult> {
  const db = await executor(ctx);
  let payment = await loadPayment(db, ctx, paymentId);
  if (payment.pendingOperation && now - Date.parse(payment.pendingOperation.requestedAt) >= OPERATION_LEASE_MS) {
    payment = await finishOperation(ctx, payment);
  }
  if (payment.status !== "processing") return { status: payment.status, done: payment.pendingOperation === null };
  const attempt = await loadAttempt(db, payment, payment.latestAttemptId!);

  if (attempt.status === "started" || attempt.status === "unknown") {
    if (attempt.status === "started" && now - attempt.createdAt.getTime() < IN_FLIGHT_GRACE_MS) return { status: payment.status, done: false };
    const outcome = await recoverAttempt(payment, attempt);
    const { payment: after } = await applyAuthorization(ctx, payment.id, attempt.id, outcome);
    return { status: after.status, done: after.status !== "processing" };
  }
  if (attempt.status === "failed") {
    // A transient decline the processor said to retry: a new attempt, with a new idempotency key.
    const started = await commit(ctx, async (tx) => {
      const locked = await loadPayment(tx, ctx, paymentId, { lock: true });
      if (locked.status !== "processing" || locked.latestAttemptId !== attempt.id) return null;
      return startAttempt(tx, locked, attempt.paymentMethod);
    });
    if (!started) return settlePayment({ ctx, paymentId, now });
    const outcome = await authorizeAttempt(started.payment, started.attempt);
    const { payment: after } = await applyAuthorization(ctx, paymentId, started.attempt.id, outcome);
    return { status: after.status, done: after.status !== "processing" };
  }
  return { status: payment.status, done: false };
}

/** A capture/cancel sent but never recorded: ask the processor, record what it did, or send it again. */
async function finishOperation(ctx: ServiceContext, payment: PaymentRow): Promise<PaymentRow> {
  const op = payment.pendingOperation!;
  try {
    const charge = await connectorOf(payment.connector).retrieve(
      { merchantId: payment.merchantId, livemode: payment.livemode },
      { processorId: payment.processorId! },
    );
    const happened = op.type === "capture" ? charge?.status === "succeeded" : charge?.status === "canceled";
    if (charge && happened) return applyOperation(ctx, payment.id, op, charge);
    await runOperation(ctx, payment, op);
  } catch (error) {
    const unknown = error instanceof ConnectorUnknownOutcomeError || (error instanceof KassaError && error.code === "processor_error");
    if (!unknown) throw error;
  }
  return loadPayment(await executor(ctx), ctx, payment.id);
}
