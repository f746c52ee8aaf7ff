import type { PaymentStatus } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { cancelPayment } from "./cancel-payment";
import { capturePayment } from "./capture-payment";
import { loadPayment } from "./load-payment";

/** When an authorisation's timer is due: the scheduled capture (`capture_at`) or the 7-day lapse. */
export function authorizationDueAt(p: { captureAt: Date | null; authorizationExpiresAt: Date | null }): Date | null {
  const times = [p.captureAt, p.authorizationExpiresAt].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}

/**
 * System verb for the authorization-timer function: captures a hold whose `capture_at` has come, or
 * cancels (releases) one that reached its 7-day expiry. Anything else — captured, canceled, not yet
 * due — is left alone, so the timer can fire late or twice.
 */
export async function runAuthorizationTimer({
  ctx,
  paymentId,
  now = new Date(),
}: {
  ctx: ServiceContext;
  paymentId: string;
  now?: Date;
}): Promise<{ action: "captured" | "expired" | "none"; status: PaymentStatus }> {
  const payment = await loadPayment(await executor(ctx), ctx, paymentId);
  if (payment.status !== "requires_capture") return { action: "none", status: payment.status };
  if (payment.captureAt && payment.captureAt <= now) {
    const captured = await capturePayment({ ctx, id: paymentId, input: {} });
    return { action: "captured", status: captured.status };
  }
  if (payment.authorizationExpiresAt && payment.authorizationExpiresAt <= now) {
    const canceled = await cancelPayment({ ctx, id: paymentId, input: {}, reason: "automatic" });
    return { action: "expired", status: canceled.status };
  }
  return { action: "none", status: payment.status };
}
