import type { PaymentRow } from "@/db/schema";
import type { Charge } from "@/lib/gateways/types";
import { toCharge } from "@/lib/gateways/upi-sandbox/connector";
import { applyAuthorization } from "@/lib/payments/apply-authorization";
import { loadAttempt, recoverAttempt, type AuthorizeOutcome } from "@/lib/payments/attempt";
import { loadPayment } from "@/lib/payments/load-payment";
import { serializePayment, type PaymentObject } from "@/lib/payments/serialize-payment";
import { executor, type ServiceContext } from "@/lib/service/context";
import { failpoint } from "@/lib/failpoints";
import { applyLateUpiSuccess } from "./apply-late-upi-success";
import { recordUpiEvent } from "./record-upi-event";

export type UpiCheckSource = "poll" | "page" | "expiry" | "sweep" | "callback";

export interface UpiCheck {
  payment: PaymentObject;
  /** The PSP's word on the payment's latest UPI attempt (null: it did not answer). */
  pspStatus: "pending" | "success" | "failed" | "expired" | null;
  /** Whether the payment is done waiting (paid, failed, expired, or not a UPI payment waiting at all). */
  final: boolean;
}

/**
 * Asks the PSP about a UPI payment's latest attempt and books the answer: paid (capture, ledger,
 * `payment.succeeded`), declined or expired (`payment.payment_failed`, the payment can be tried again),
 * or still pending (nothing but the timeline). With `expire`, a payment still pending is expired by
 * Kassa (its window has passed). A PSP that does not answer is a timeline line, never an error: the
 * next check asks again. Idempotent: a check, a callback and the expiry racing book one outcome.
 */
export async function checkUpiPayment({
  ctx,
  paymentId,
  source,
  expire = false,
}: {
  ctx: ServiceContext;
  paymentId: string;
  source: UpiCheckSource;
  expire?: boolean;
}): Promise<UpiCheck> {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId);
  if (payment.paymentMethod !== "upi" || !payment.latestAttemptId) return { payment: serializePayment(payment), pspStatus: null, final: true };
  const attempt = await loadAttempt(db, payment, payment.latestAttemptId);
  const waiting = upiAttemptWaiting(payment, attempt);
  // The PSP is asked for a waiting payment, and for an expired one (a late success is still money received).
  const expiredBefore = attempt.failure?.code === "payment_intent_payment_attempt_expired";
  if (!waiting && !expiredBefore) return { payment: serializePayment(payment), pspStatus: null, final: true };
  const outcome = await recoverAttempt(payment, attempt);
  const tenant = { merchantId: payment.merchantId, livemode: payment.livemode, paymentId: payment.id, attemptId: attempt.id };
  if (outcome.kind !== "charge") {
    await recordUpiEvent(db, {
      ...tenant,
      kind: "poll_error",
      detail: { source, error: outcome.kind === "unknown" ? outcome.detail : outcome.kind === "rejected" ? outcome.message : "blocked" },
    });
    return { payment: serializePayment(payment), pspStatus: null, final: false };
  }
  const pspStatus = upiStatusOf(outcome.charge);
  await recordUpiEvent(db, { ...tenant, kind: "poll", status: pspStatus, detail: { source } });
  if (!waiting) {
    // Expired by Kassa, then paid after all: booked and refunded.
    if (pspStatus !== "success") return { payment: serializePayment(payment), pspStatus, final: true };
    return { payment: await applyLateUpiSuccess({ ctx, paymentId: payment.id, attemptId: attempt.id, charge: outcome.charge }), pspStatus, final: true };
  }
  if (pspStatus === "pending" && !expire) return { payment: serializePayment(payment), pspStatus, final: false };
  const booked: AuthorizeOutcome = pspStatus === "pending" ? { kind: "charge", charge: expiredCharge(outcome.charge, payment) } : outcome;
  if (pspStatus === "pending" || pspStatus === "expired") {
    await recordUpiEvent(db, { ...tenant, kind: "expired", status: "expired", detail: { source, by: pspStatus === "pending" ? "kassa" : "psp" } });
  }
  if (pspStatus === "success") await failpoint("upi.booking:before");
  const { payment: after } = await applyAuthorization(ctx, payment.id, attempt.id, booked);
  return { payment: serializePayment(after), pspStatus, final: after.status !== "requires_action" && after.status !== "processing" };
}

/** Whether the payment still waits on this UPI attempt (not settled, and the payment not paid, failed or expired). */
export function upiAttemptWaiting(payment: Pick<PaymentRow, "status">, attempt: { settledAt: Date | null }): boolean {
  return !attempt.settledAt && (payment.status === "requires_action" || payment.status === "processing");
}

function upiStatusOf(charge: Charge): "pending" | "success" | "failed" | "expired" {
  return charge.paymentMethod.type === "upi" ? charge.paymentMethod.upi.status : "pending";
}

/** Kassa's own expiry of a transaction the PSP still calls pending. */
function expiredCharge(charge: Charge, payment: PaymentRow): Charge {
  const upi = charge.paymentMethod.type === "upi" ? charge.paymentMethod.upi : null;
  return toCharge({
    pspReference: charge.processorId,
    merchantReference: charge.idempotencyKey,
    paymentId: payment.id,
    amount: charge.amount,
    currency: charge.currency,
    flow: upi?.flow ?? payment.upi?.flow ?? "intent",
    status: "expired",
    vpa: upi?.vpa ?? null,
    payerName: upi?.payerName ?? null,
    rrn: null,
    intentUrl: null,
    expiresAt: upi?.expiresAt ?? new Date((payment.upi?.expires_at ?? 0) * 1000),
    created: charge.created,
  });
}
