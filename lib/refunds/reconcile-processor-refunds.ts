import { and, eq, or } from "drizzle-orm";
import { refunds, type PaymentRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import { connectorOf } from "@/lib/payments/connector";
import { executor, type ServiceContext } from "@/lib/service/context";
import { recordProcessorRefund } from "./record-processor-refund";
import { settleRefund } from "./settle-refund";

/**
 * Every refund the processor has for a succeeded payment, recorded in Kassa once: Kassa's own pending
 * ones settled (by their key), ones made in the processor's dashboard imported — the moves of Stripe's
 * lib/stripe-events/reconcile-refunds.ts, for any connector, read through the payment's connector.
 */
export async function reconcileProcessorRefunds({ ctx, payment }: { ctx: ServiceContext; payment: PaymentRow }): Promise<"applied" | "no_change"> {
  const db = await executor(ctx);
  let changed = false;
  const found = await connectorOf(payment.connector).listRefunds(
    { merchantId: payment.merchantId, livemode: payment.livemode },
    { processorId: payment.processorId! },
  );
  for (const result of found) {
    const [known] = await db
      .select()
      .from(refunds)
      .where(
        and(
          eq(refunds.paymentId, payment.id),
          or(eq(refunds.processorId, result.processorId), result.idempotencyKey ? eq(refunds.id, result.idempotencyKey) : undefined),
        ),
      );
    if (known?.status === "pending") {
      changed = (await settleRefund({ ctx, refundId: known.id })).status !== "pending" || changed;
    } else if (known?.status === "succeeded" && result.status === "failed") {
      logger.error({ refund: known.id, processor: result.processorId }, "the processor reports a succeeded refund as failed; book the refund failure by hand");
    } else if (!known) {
      changed = (await recordProcessorRefund({ ctx, paymentId: payment.id, result })) !== null || changed;
    }
  }
  return changed ? "applied" : "no_change";
}
