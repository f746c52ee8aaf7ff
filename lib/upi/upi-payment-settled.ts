import { loadAttempt } from "@/lib/payments/attempt";
import { loadPayment } from "@/lib/payments/load-payment";
import { executor, type ServiceContext } from "@/lib/service/context";
import { upiAttemptWaiting } from "./check-upi-payment";

/**
 * Whether a UPI payment is done waiting for its latest attempt (paid, declined, expired, or tried again),
 * read from Kassa's own rows: the status-poll run's answer to a callback, which the upi-callback run books
 * by asking the PSP, so one callback costs one PSP call.
 */
export async function upiPaymentSettled({ ctx, paymentId }: { ctx: ServiceContext; paymentId: string }) {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId);
  if (payment.paymentMethod !== "upi" || !payment.latestAttemptId) return { settled: true, status: payment.status };
  const attempt = await loadAttempt(db, payment, payment.latestAttemptId);
  return { settled: !upiAttemptWaiting(payment, attempt), status: payment.status };
}
