import { applyLateUpiSuccess } from "./apply-late-upi-success";
import { checkUpiPayment } from "./check-upi-payment";
import { loadAttempt, recoverAttempt } from "@/lib/payments/attempt";
import { loadPayment } from "@/lib/payments/load-payment";
import { executor, type ServiceContext } from "@/lib/service/context";

/**
 * The upi-callback workflow's verb: a recorded callback is a nudge to ask the PSP and book its answer
 * (checkUpiPayment), so a callback, a status check and the expiry racing book one outcome. A success
 * for an older attempt (expired, and the payment tried again since) is a late success of its own.
 */
export async function applyUpiCallback({ ctx, paymentId, attemptId }: { ctx: ServiceContext; paymentId: string; attemptId: string }) {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId);
  if (payment.latestAttemptId === attemptId) {
    const { payment: after, pspStatus } = await checkUpiPayment({ ctx, paymentId, source: "callback" });
    return { status: after.status, pspStatus };
  }
  const attempt = await loadAttempt(db, payment, attemptId);
  if (attempt.status === "succeeded") return { status: payment.status, pspStatus: "success" as const };
  const outcome = await recoverAttempt(payment, attempt);
  if (outcome.kind !== "charge" || outcome.charge.status !== "succeeded") return { status: payment.status, pspStatus: null };
  const after = await applyLateUpiSuccess({ ctx, paymentId, attemptId, charge: outcome.charge });
  return { status: after.status, pspStatus: "success" as const };
}
