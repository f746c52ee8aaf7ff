import { eq } from "drizzle-orm";
import { payments, type CancellationReason } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { closeReviewFor } from "@/lib/fraud/close-review";
import { CancelPaymentInput } from "./inputs";
import { loadPayment, unexpectedState } from "./load-payment";
import { markOperation, newOperation, operationInFlight, resumeOperation, runOperation } from "./payment-operation";
import { serializePayment, type PaymentObject } from "./serialize-payment";

const CANCELABLE = new Set(["requires_payment_method", "requires_confirmation", "requires_action", "requires_capture"]);

/**
 * POST /api/v1/payments/:id/cancel. A payment the processor holds (an authorisation, a pending 3DS)
 * is canceled there first, which releases the hold; otherwise it is canceled here.
 */
export async function cancelPayment({
  ctx,
  id,
  input,
  reason,
}: {
  ctx: ServiceContext;
  id: string;
  input: unknown;
  reason?: CancellationReason;
}): Promise<PaymentObject> {
  requirePermission(ctx, "payments:write");
  const data = parseWith(CancelPaymentInput, input ?? {});
  const cancellationReason = reason ?? data.cancellation_reason ?? null;
  const resumed = await resumeOperation(ctx, "cancel");
  if (resumed) return resumed;
  const result = await commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, id, { lock: true });
    if (!CANCELABLE.has(payment.status))
      throw unexpectedState(payment, "cancel a payment that has not succeeded, is not processing and is not already canceled.");
    if (operationInFlight(payment))
      throw new KassaError("payment_intent_unexpected_state", `A ${payment.pendingOperation!.type} of this payment is in progress.`);
    if (!payment.processorId || payment.status === "requires_payment_method" || payment.status === "requires_confirmation") {
      const [updated] = await tx
        .update(payments)
        .set({ status: "canceled", canceledAt: new Date(), cancellationReason, nextAction: null, amountCapturable: 0n })
        .where(eq(payments.id, payment.id))
        .returning();
      changes.audit({ action: "payment.canceled", targetType: "payment", targetId: payment.id, metadata: { reason: cancellationReason } });
      changes.event("payment.canceled", serializePayment(updated!), { status: payment.status });
      if (payment.outcome?.type === "manual_review") await closeReviewFor(tx, changes, payment.id, "canceled");
      return { kind: "done" as const, object: serializePayment(updated!) };
    }
    const op = newOperation(payment, "cancel", { reason: cancellationReason });
    await markOperation(tx, changes, payment, op);
    return { kind: "send" as const, payment, op };
  });
  if (result.kind === "done") return result.object;
  return runOperation(ctx, result.payment, result.op, { respond: true });
}
