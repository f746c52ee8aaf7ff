import type { Executor } from "@/db/client";
import { fraudAssessments, type PaymentRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { assessPayment, type Assessment } from "./assess-payment";
import { attemptWrites } from "./counter-writes";
import { signalsFor } from "./signals";

/**
 * `npm run bench` measures create+confirm with and without the fraud check; this switch turns the check off
 * for TEST-MODE payments only (live payments are always checked). Not for anything but that comparison.
 */
const skipInTestMode = process.env.KASSA_BENCH_SKIP_FRAUD_CHECK === "1";

/**
 * The fraud check of an attempt about to be made: the payment's signals (the client's IP only when the
 * customer is the caller, i.e. on Kassa's checkout — an API request's IP is the merchant's server), then
 * the assessment. Reads only. Null only for a test-mode payment under KASSA_BENCH_SKIP_FRAUD_CHECK.
 */
export async function checkAttempt(
  db: Executor,
  ctx: ServiceContext,
  args: { payment: Pick<PaymentRow, "id" | "amount" | "currency" | "customer" | "receiptEmail" | "upi">; attemptId: string; paymentMethod: string },
): Promise<Assessment | null> {
  if (skipInTestMode && !ctx.livemode) return null;
  const { payment } = args;
  const signals = signalsFor({
    paymentMethod: args.paymentMethod,
    email: payment.receiptEmail,
    customer: payment.customer,
    ip: ctx.actor.id === "checkout" ? (ctx.ip ?? null) : null,
    vpa: payment.upi?.vpa ?? null,
  });
  return assessPayment(db, ctx, {
    paymentId: payment.id,
    attemptId: args.attemptId,
    amount: payment.amount,
    currency: payment.currency,
    signals,
    ...(ctx.asOf !== undefined ? { now: ctx.asOf } : {}),
  });
}

/** Phase A's fraud writes, in the attempt's own statement: the assessment row and the attempt's counters. */
export function fraudPhaseAWrites(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">, a: Assessment | null) {
  if (!a) return [];
  return [db.insert(fraudAssessments).values(a.row), ...attemptWrites(db, ctx, a.keys, a.row.createdAt.getTime())];
}
