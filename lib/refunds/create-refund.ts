import { and, eq, sql } from "drizzle-orm";
import { payments, refunds, type RefundReason, type RefundRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import type { Transaction } from "@/db/client";
import { commit, type Changes } from "@/lib/service/commit";
import { recoveryOf } from "@/lib/service/recovery";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { toDecimalString } from "@/lib/money";
import { loadPayment } from "@/lib/payments/load-payment";
import { createCryptoRefund } from "@/lib/crypto-payments/create-crypto-refund";
import { wantsCryptoRefund } from "@/lib/crypto-payments/refund-inputs";
import { CreateRefundInput } from "./inputs";
import { sendRefund } from "./send-refund";
import { serializeRefund, type RefundObject } from "./serialize-refund";

const POINT = "refund_created";

/**
 * POST /api/v1/refunds, in atomic phases. Phase A (one transaction) reserves the amount on the locked
 * payment — so concurrent refunds can never exceed what was received — records the pending refund and
 * the request's recovery point; the processor refunds with the refund id as its idempotency key; phase
 * B records the outcome with its ledger entry and the stored answer (send-refund.ts). A retry with the
 * same Idempotency-Key after a crash resumes that very refund: never a second one.
 */
export async function createRefund({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RefundObject> {
  requirePermission(ctx, "refunds:write");
  if (wantsCryptoRefund(input)) return createCryptoRefund({ ctx, input });
  const data = parseWith(CreateRefundInput, input);
  const resumed = await resumeRefund(ctx);
  if (resumed) return resumed;
  const refund = await commit(ctx, async (tx, changes) => {
    const reserved = await reserveRefund(tx, ctx, changes, data);
    changes.recoveryPoint(POINT, { refundId: reserved.id });
    return reserved;
  });
  return serializeRefund(await sendRefund(ctx, refund, { respond: true, settleLater: true }));
}

/**
 * Phase A in the caller's transaction: checks the locked payment, records the pending refund with its
 * audit row and event, and reserves its amount. The caller sends it (sendRefund) after its commit; left
 * pending by a crash, the reconciliation job sends it with the same processor key.
 */
export async function reserveRefund(
  tx: Transaction,
  ctx: ServiceContext,
  changes: Changes,
  data: Omit<CreateRefundInput, "reason"> & { reason?: RefundReason },
): Promise<RefundRow> {
  const payment = await loadPayment(tx, ctx, data.payment, { lock: true, param: "payment" });
  if (payment.paymentMethod === "crypto") {
    throw new KassaError("parameter_missing", `Payment ${payment.id} was paid on chain: say where to send its refund with crypto.address.`, {
      param: "crypto[address]",
    });
  }
  if (payment.status !== "succeeded" || payment.amountReceived === 0n) {
    throw new KassaError("payment_intent_unexpected_state", `This payment's status is ${payment.status}; only a succeeded payment can be refunded.`, {
      param: "payment",
    });
  }
  const refundable = payment.amountReceived - payment.amountRefunded;
  if (refundable <= 0n) throw new KassaError("charge_already_refunded", `Payment ${payment.id} has already been refunded.`, { param: "payment" });
  const amount = data.amount !== undefined ? BigInt(data.amount) : refundable;
  if (amount > refundable) {
    throw new KassaError(
      "amount_too_large",
      `Refund amount (${amount}) is greater than the unrefunded amount on the payment (${refundable}, ${toDecimalString(refundable, payment.currency)} ${payment.currency}).`,
      { param: "amount" },
    );
  }
  const [refund] = await tx
    .insert(refunds)
    .values({
      id: newId("refund"),
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      paymentId: payment.id,
      amount,
      currency: payment.currency,
      status: "pending",
      reason: data.reason ?? null,
      metadata: data.metadata ?? {},
      connector: payment.connector,
    })
    .returning();
  // The reservation: amount_refunded counts pending refunds too, as Stripe's does.
  await tx
    .update(payments)
    .set({ amountRefunded: sql`${payments.amountRefunded} + ${amount}` })
    .where(eq(payments.id, payment.id));
  changes.audit({ action: "refund.created", targetType: "refund", targetId: refund!.id, metadata: { payment: payment.id, amount: Number(amount) } });
  changes.event("refund.created", serializeRefund(refund!));
  return refund as RefundRow;
}

/**
 * A retry of a request whose earlier try died after phase A: the refund it recorded is sent again with
 * the same processor key (the processor answers with the refund it made, if it made one), or, already
 * settled by reconciliation, answered as it stands.
 */
async function resumeRefund(ctx: ServiceContext): Promise<RefundObject | null> {
  const recovery = recoveryOf<{ refundId: string }>(ctx, POINT);
  if (!recovery?.refundId) return null;
  const db = await executor(ctx);
  const [refund] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, recovery.refundId), eq(refunds.merchantId, ctx.merchantId), eq(refunds.livemode, ctx.livemode)));
  if (!refund) throw new KassaError("api_error", `refund ${recovery.refundId} recorded for this request is missing`);
  return serializeRefund(await sendRefund(ctx, refund, { retrieveFirst: true, respond: true, settleLater: true }));
}
