import type { Executor } from "@/db/client";
import { and, eq } from "drizzle-orm";
import { fraudAssessments, paymentMethods, type PaymentRow } from "@/db/schema";
import { testCardByPaymentMethod } from "@/lib/gateways/sandbox/test-cards";
import type { ServiceContext } from "@/lib/service/context";
import { assessPayment, type Assessment } from "./assess-payment";
import { attemptWrites } from "./counter-writes";
import { signalsFor } from "./signals";
import { fastInsert } from "@/db/fast-insert";

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
    savedCard: await savedCardOf(db, ctx, args.paymentMethod),
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

/**
 * A saved card's fingerprint, brand, country and funding (Kassa's payment_methods row of this merchant and
 * mode), so velocity and lists follow a saved card as they follow a typed one. A test card's token and UPI
 * need no read; an unknown id (a Stripe pm_… never saved here) is simply not known before the charge.
 */
async function savedCardOf(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">, paymentMethod: string) {
  if (paymentMethod === "upi" || !paymentMethod.startsWith("pm_") || testCardByPaymentMethod(paymentMethod)) return null;
  const [saved] = await db
    .select({ card: paymentMethods.card })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.id, paymentMethod), eq(paymentMethods.merchantId, ctx.merchantId), eq(paymentMethods.livemode, ctx.livemode)));
  return saved ? { fingerprint: saved.card.fingerprint, brand: saved.card.brand, country: saved.card.country, funding: saved.card.funding } : null;
}

/** Phase A's fraud writes, in the attempt's own statement: the assessment row and the attempt's counters. */
export function fraudPhaseAWrites(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">, a: Assessment | null) {
  if (!a) return [];
  return [fastInsert(db, fraudAssessments, a.row), ...attemptWrites(db, ctx, a.keys, a.row.createdAt.getTime())];
}
