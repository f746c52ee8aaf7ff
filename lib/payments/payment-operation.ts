import { eq } from "drizzle-orm";
import { payments, type CancellationReason, type PaymentRow, type PendingOperation } from "@/db/schema";
import type { Transaction } from "@/db/client";
import { commit, type Changes } from "@/lib/service/commit";
import { recoveryOf } from "@/lib/service/recovery";
import { executor, type ServiceContext } from "@/lib/service/context";
import { aroundSideEffect } from "@/lib/failpoints";
import { KassaError } from "@/lib/service/errors";
import { ConnectorRequestError, ConnectorUnknownOutcomeError, type Charge } from "@/lib/gateways/types";
import { ERROR_CODES, type ErrorCode } from "@/lib/service/error-codes";
import { connectorOf } from "./connector";
import { processingFee } from "./fees";
import { loadPayment } from "./load-payment";
import { postCapture } from "./postings";
import { closeReviewFor } from "@/lib/fraud/close-review";
import { serializePayment, type PaymentObject } from "./serialize-payment";

/** A pending capture/cancel younger than this belongs to a request still in flight. */
export const OPERATION_LEASE_MS = 60_000;

export function operationInFlight(p: PaymentRow, now = Date.now()): boolean {
  return p.pendingOperation !== null && now - Date.parse(p.pendingOperation.requestedAt) < OPERATION_LEASE_MS;
}

export function newOperation(
  p: PaymentRow,
  type: PendingOperation["type"],
  extra: { amount?: bigint; reason?: CancellationReason | null } = {},
): PendingOperation {
  return {
    type,
    key: `${type}:${p.id}`, // one capture and one cancel per payment: the key makes retries safe
    ...(extra.amount !== undefined ? { amount: extra.amount.toString() } : {}),
    ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
    requestedAt: new Date().toISOString(),
  };
}

const POINT = "operation_started";

/** Phase A's last write (the caller's commit, payment locked): the pending operation is this request's, and its recovery point. */
export async function markOperation(tx: Transaction, changes: Changes, payment: PaymentRow, op: PendingOperation): Promise<void> {
  await tx.update(payments).set({ pendingOperation: op }).where(eq(payments.id, payment.id));
  changes.recoveryPoint(POINT, { paymentId: payment.id, op });
}

/**
 * A retry of a capture or cancel whose earlier try died after phase A: the recorded operation is sent
 * again with its processor key, or — already applied by reconciliation — the payment is answered as it
 * stands. Null when there is nothing to resume (the verb then runs afresh).
 */
export async function resumeOperation(ctx: ServiceContext, type: PendingOperation["type"]): Promise<PaymentObject | null> {
  const recovery = recoveryOf<{ paymentId: string; op: PendingOperation }>(ctx, POINT);
  if (!recovery?.paymentId || recovery.op?.type !== type) return null;
  const payment = await loadPayment(await executor(ctx), ctx, recovery.paymentId);
  if (payment.pendingOperation?.key === recovery.op.key) return runOperation(ctx, payment, payment.pendingOperation, { respond: true });
  if (payment.status !== (type === "capture" ? "succeeded" : "canceled")) return null;
  return serializePayment(await commit(ctx, (tx) => loadPayment(tx, ctx, payment.id), { respond: serializePayment }));
}

/**
 * Sends the recorded operation to the processor and records the answer (phase B; with `respond`, the
 * request's answer is stored in the same transaction). An unknown outcome leaves the operation pending
 * for a retry or the reconciliation job and answers 502.
 */
export async function runOperation(ctx: ServiceContext, payment: PaymentRow, op: PendingOperation, opts: { respond?: boolean } = {}): Promise<PaymentObject> {
  const connector = connectorOf(payment.connector);
  const cctx = { merchantId: payment.merchantId, livemode: payment.livemode };
  let charge: Charge;
  try {
    charge = await aroundSideEffect(`${op.type}.processor`, () =>
      op.type === "capture"
        ? connector.capture(cctx, { processorId: payment.processorId!, amount: BigInt(op.amount!), idempotencyKey: op.key, paymentId: payment.id })
        : connector.cancel(cctx, { processorId: payment.processorId!, idempotencyKey: op.key }),
    );
  } catch (error) {
    if (error instanceof ConnectorUnknownOutcomeError) {
      throw new KassaError(
        "processor_error",
        `The processor did not answer the ${op.type}; retry the request (it is safe) or wait: Kassa finishes it within minutes.`,
      );
    }
    if (error instanceof ConnectorRequestError) {
      await commit(ctx, (tx) => tx.update(payments).set({ pendingOperation: null }).where(eq(payments.id, payment.id)));
      const code = Object.hasOwn(ERROR_CODES, error.code) ? (error.code as ErrorCode) : "payment_intent_unexpected_state";
      throw new KassaError(code, error.message);
    }
    throw error;
  }
  const applied = await commit(
    ctx,
    (tx, changes) => applyOperationIn(tx, changes, ctx, payment.id, op, charge),
    opts.respond ? { respond: serializePayment } : {},
  );
  return serializePayment(applied);
}

/** Records a capture or cancel the processor confirmed; applying it twice changes nothing. */
export async function applyOperation(ctx: ServiceContext, paymentId: string, op: PendingOperation, charge: Charge): Promise<PaymentRow> {
  return commit(ctx, (tx, changes) => applyOperationIn(tx, changes, ctx, paymentId, op, charge));
}

async function applyOperationIn(
  tx: Transaction,
  changes: Changes,
  ctx: ServiceContext,
  paymentId: string,
  op: PendingOperation,
  charge: Charge,
): Promise<PaymentRow> {
  const payment = await loadPayment(tx, ctx, paymentId, { lock: true });
  if (payment.pendingOperation?.key !== op.key) return payment; // already recorded
  const now = new Date();
  let set: Partial<typeof payments.$inferInsert>;
  let event: string;
  if (op.type === "capture") {
    if (charge.status !== "succeeded") throw new KassaError("api_error", `capture of ${paymentId} came back ${charge.status}`);
    const fee = processingFee(charge.amountCaptured, payment.currency);
    set = { status: "succeeded", amountReceived: charge.amountCaptured, amountCapturable: 0n, fee, capturedAt: now, pendingOperation: null };
    event = "payment.succeeded";
  } else {
    set = { status: "canceled", amountCapturable: 0n, canceledAt: now, cancellationReason: op.reason ?? null, nextAction: null, pendingOperation: null };
    event = "payment.canceled";
  }
  const [updated] = await tx.update(payments).set(set).where(eq(payments.id, paymentId)).returning();
  if (op.type === "capture") await postCapture(tx, changes, updated!, charge.amountCaptured, updated!.fee);
  changes.audit({
    action: op.type === "capture" ? "payment.captured" : "payment.canceled",
    targetType: "payment",
    targetId: paymentId,
    metadata:
      op.type === "capture"
        ? { amount: Number(charge.amountCaptured), released: Number(payment.amountCapturable - charge.amountCaptured) }
        : { reason: op.reason ?? null },
  });
  changes.event(event, serializePayment(updated!), { status: payment.status });
  // A payment held for review (lib/fraud): its review closes in this commit.
  if (payment.outcome?.type === "manual_review") await closeReviewFor(tx, changes, paymentId, op.type === "capture" ? "approved" : "canceled");
  return updated!;
}
