import { eq } from "drizzle-orm";
import { refunds, type RefundRow } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import type { RefundResult } from "@/lib/gateways/types";
import { logger } from "@/lib/logger";
import { loadPayment } from "@/lib/payments/load-payment";
import { recordRefundSucceeded } from "./record-refund-succeeded";

/**
 * A refund made at the processor but not through Kassa (Stripe's dashboard), reported by its webhook:
 * recorded once (unique processor id) as a succeeded refund with its ledger entry, audit row and events,
 * so Kassa's balance matches the processor's. A refund that would exceed what is left is not recorded
 * (logged for an operator) — Kassa never books more refunds than the payment received.
 */
export async function recordProcessorRefund({
  ctx,
  paymentId,
  result,
}: {
  ctx: ServiceContext;
  paymentId: string;
  result: RefundResult;
}): Promise<RefundRow | null> {
  if (result.status !== "succeeded") return null;
  return commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, paymentId, { lock: true });
    const [known] = await tx.select().from(refunds).where(eq(refunds.processorId, result.processorId));
    if (known) return known;
    if (result.amount > payment.amountReceived - payment.amountRefunded) {
      logger.error({ payment: payment.id, refund: result.processorId }, "processor refund exceeds what Kassa has left on the payment; not recorded");
      return null;
    }
    return recordRefundSucceeded(tx, changes, payment, { processor: { amount: result.amount, processorId: result.processorId } });
  });
}
