import { and, eq, sql } from "drizzle-orm";
import { payments, refunds, type RefundRow } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { emitEvent } from "@/lib/events/emit-event";
import type { RefundResult } from "@/lib/gateways/types";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { feeRefundFor } from "@/lib/payments/fees";
import { loadPayment } from "@/lib/payments/load-payment";
import { postRefund } from "@/lib/payments/postings";
import { serializeRefund } from "./serialize-refund";

/**
 * A refund made at the processor but not through Kassa (Stripe's dashboard), reported by its webhook:
 * recorded once (unique processor id) as a succeeded refund with its ledger entry, audit row and events,
 * so Kassa's balance matches the processor's. A refund that would exceed what is left is not recorded
 * (logged for an operator) — Kassa never books more refunds than the payment received.
 */
export async function recordProcessorRefund({ ctx, paymentId, result }: { ctx: ServiceContext; paymentId: string; result: RefundResult }): Promise<RefundRow | null> {
  if (result.status !== "succeeded") return null;
  return withTransaction(ctx, async (tx) => {
    const payment = await loadPayment(tx, ctx, paymentId, { lock: true });
    const [known] = await tx.select().from(refunds).where(eq(refunds.processorId, result.processorId));
    if (known) return known;
    if (result.amount > payment.amountReceived - payment.amountRefunded) {
      logger.error({ payment: payment.id, refund: result.processorId }, "processor refund exceeds what Kassa has left on the payment; not recorded");
      return null;
    }
    const [settled] = await tx
      .select({ amount: sql<string>`coalesce(sum(${refunds.amount}), 0)` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "succeeded")));
    const feeRefunded = feeRefundFor({ fee: payment.fee, amountReceived: payment.amountReceived, refundedBefore: BigInt(settled!.amount), refundAmount: result.amount });
    const [refund] = await tx
      .insert(refunds)
      .values({
        id: newId("refund"),
        merchantId: payment.merchantId,
        livemode: payment.livemode,
        paymentId: payment.id,
        amount: result.amount,
        feeRefunded,
        currency: payment.currency,
        status: "succeeded",
        metadata: { source: "processor" },
        connector: payment.connector,
        processorId: result.processorId,
      })
      .returning();
    await tx.update(payments).set({ amountRefunded: sql`${payments.amountRefunded} + ${result.amount}` }).where(eq(payments.id, payment.id));
    await postRefund(tx, payment, refund!, feeRefunded);
    await writeAudit(tx, ctx, { action: "refund.succeeded", targetType: "refund", targetId: refund!.id, metadata: { payment: payment.id, amount: Number(result.amount), processor: result.processorId } });
    await emitEvent(tx, ctx, "refund.created", serializeRefund(refund!));
    await emitEvent(tx, ctx, "refund.succeeded", serializeRefund(refund!));
    return refund!;
  });
}
