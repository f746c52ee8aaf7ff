import { eq, sql } from "drizzle-orm";
import { payments, refunds, type RefundRow } from "@/db/schema";
import type { Transaction } from "@/db/client";
import { commit, type Changes } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { aroundSideEffect } from "@/lib/failpoints";
import { KassaError } from "@/lib/service/errors";
import { ConnectorRequestError, ConnectorUnknownOutcomeError, type RefundResult } from "@/lib/gateways/types";
import { logger } from "@/lib/logger";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { connectorOf } from "@/lib/payments/connector";
import { loadPayment } from "@/lib/payments/load-payment";
import { recordRefundSucceeded } from "./record-refund-succeeded";
import { serializeRefund } from "./serialize-refund";

type RefundOutcome = { kind: "result"; result: RefundResult } | { kind: "unknown" } | { kind: "rejected"; message: string };

/**
 * Sends a pending refund to the processor (refund id = idempotency key) and records the answer. With
 * `respond`, the request's answer is stored in the same transaction (an API request's last phase). A
 * refund no longer pending is answered as it stands, without calling the processor. With `settleLater`, a
 * refund still pending after the call (the answer lost, or the processor's own pending) asks for its settle run
 * in the same commit, instead of waiting for the reconciliation cron.
 */
export async function sendRefund(
  ctx: ServiceContext,
  refund: RefundRow,
  opts: { retrieveFirst?: boolean; respond?: boolean; settleLater?: boolean } = {},
): Promise<RefundRow> {
  const outcome =
    refund.status === "pending" ? await aroundSideEffect("refund.processor", () => callProcessor(ctx, refund, opts.retrieveFirst ?? false)) : null;
  // Recorded as the refund's merchant and mode (the audit row's and events' tenant).
  const refundCtx = { ...ctx, merchantId: refund.merchantId, livemode: refund.livemode };
  return commit(
    refundCtx,
    async (tx, changes) => {
      const after = await applyRefundOutcome(tx, changes, refund.id, outcome);
      if (opts.settleLater && outcome && after.status === "pending") {
        declareInternalEvent(changes, INTERNAL_EVENTS.refundSettleRequested, {
          refund: after.id,
          merchant: after.merchantId,
          livemode: String(after.livemode),
        });
      }
      return after;
    },
    opts.respond ? { respond: serializeRefund } : {},
  );
}

async function callProcessor(ctx: ServiceContext, refund: RefundRow, retrieveFirst: boolean): Promise<RefundOutcome> {
  const connector = connectorOf(refund.connector);
  const cctx = { merchantId: refund.merchantId, livemode: refund.livemode };
  try {
    const payment = await loadPayment(await executor(ctx), refund, refund.paymentId);
    if (retrieveFirst) {
      const known = await connector.retrieveRefund(cctx, { idempotencyKey: refund.id, processorId: payment.processorId });
      if (known) return { kind: "result", result: known };
    }
    const result = await connector.refund(cctx, {
      processorId: payment.processorId!,
      amount: refund.amount,
      idempotencyKey: refund.id,
      reason: refund.reason,
      paymentId: payment.id,
    });
    return { kind: "result", result };
  } catch (error) {
    if (error instanceof ConnectorUnknownOutcomeError) {
      logger.warn({ refund: refund.id, detail: error.message }, "refund outcome unknown; reconciling");
      return { kind: "unknown" };
    }
    if (error instanceof ConnectorRequestError) return { kind: "rejected", message: error.message };
    throw error;
  }
}

/**
 * Phase B: the refund's final state, the released reservation or the ledger entry, audit and event.
 * Without an outcome (unknown, or none asked) the refund is read as it stands; applying twice changes nothing.
 */
async function applyRefundOutcome(tx: Transaction, changes: Changes, refundId: string, outcome: RefundOutcome | null): Promise<RefundRow> {
  const [current] = await tx.select().from(refunds).where(eq(refunds.id, refundId));
  if (!current) throw new KassaError("api_error", `refund ${refundId} vanished`);
  if (!outcome || outcome.kind === "unknown") return current; // stays pending; its settle run or the reconciliation cron settles it
  const payment = await loadPayment(tx, current, current.paymentId, { lock: true });
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
  if (refund!.status !== "pending") return refund!; // recorded already
  const status = outcome.kind === "rejected" ? "failed" : outcome.result.status;
  if (status === "pending") return refund!;
  const processorId = outcome.kind === "result" ? outcome.result.processorId : null;
  if (status === "succeeded") return recordRefundSucceeded(tx, changes, payment, { pending: refund!, processorId });
  const failureReason = outcome.kind === "rejected" ? outcome.message : (outcome.result.failureReason ?? "unknown");
  const [failed] = await tx.update(refunds).set({ status: "failed", failureReason, processorId }).where(eq(refunds.id, refundId)).returning();
  // Give the reserved amount back to the payment.
  await tx
    .update(payments)
    .set({ amountRefunded: sql`${payments.amountRefunded} - ${refund!.amount}` })
    .where(eq(payments.id, payment.id));
  changes.audit({ action: "refund.failed", targetType: "refund", targetId: refundId, metadata: { payment: payment.id, reason: failureReason } });
  changes.event("refund.failed", serializeRefund(failed!), { status: "pending" });
  return failed!;
}
