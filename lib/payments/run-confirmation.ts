import { and, eq } from "drizzle-orm";
import { paymentAttempts, payments, type PaymentAttemptRow, type PaymentRow } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { recoveryOf } from "@/lib/service/recovery";
import { executor, type ServiceContext } from "@/lib/service/context";
import { aroundSideEffect, failpoint } from "@/lib/failpoints";
import { applyAuthorization } from "./apply-authorization";
import { authorizeAttempt, recoverAttempt } from "./attempt";
import { serializePayment, type PaymentObject } from "./serialize-payment";
import { failOverAttempt, nextCandidate } from "./fail-over-attempt";
import { CONFIRMATION_POINT as POINT, type Recovery } from "./confirmation-recovery";

export { declareRecovery, type Recovery } from "./confirmation-recovery";

/**
 * Processor call, then phase B; a decline is thrown after its result is committed. A connector that refuses
 * before accepting anything hands the payment to the next one of its routing's failover order.
 */
export async function runConfirmation(ctx: ServiceContext, payment: PaymentRow, attempt: PaymentAttemptRow): Promise<PaymentObject> {
  let outcome = await aroundSideEffect("payment.processor", () => authorizeAttempt(payment, attempt));
  let known: { payment: PaymentRow; attempt: PaymentAttemptRow } | undefined = { payment, attempt };
  const tried = new Set([attempt.connector]);
  for (let next = nextCandidate(attempt, tried); outcome.kind === "unavailable" && next; next = nextCandidate(attempt, tried)) {
    tried.add(next);
    const moved = await failOverAttempt(ctx, payment, attempt, next, outcome.detail);
    if (!moved) break;
    ({ payment, attempt } = moved);
    await failpoint("payment.failover:after");
    known = undefined; // written in a locked transaction: phase B takes its locked path
    outcome = await aroundSideEffect("payment.processor", () => authorizeAttempt(payment, attempt));
  }
  // This request wrote both rows in its phase A: phase B may apply without a lock if they are unchanged.
  const { payment: after, error } = await applyAuthorization(ctx, payment.id, attempt.id, outcome, { respond: true, ...(known ? { known } : {}) });
  if (error) throw error;
  return serializePayment(after);
}

/**
 * A retry of a request whose earlier try crashed after phase A: ask the processor about that very
 * attempt (same idempotency key) instead of charging again.
 */
export async function resumeConfirmation(ctx: ServiceContext): Promise<PaymentObject | null> {
  const recovery = recoveryOf<Recovery>(ctx, POINT);
  if (!recovery?.paymentId) return null;
  const db = await executor(ctx);
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, recovery.paymentId), eq(payments.merchantId, ctx.merchantId), eq(payments.livemode, ctx.livemode)));
  if (!payment) return null;
  if (!recovery.attemptId) return serializePayment(await commit(ctx, async () => payment, { respond: serializePayment }));
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, recovery.attemptId));
  if (!attempt) return null;
  const outcome = attempt.settledAt ? ({ kind: "unknown", detail: "already settled" } as const) : await recoverAttempt(payment, attempt);
  const { payment: after, error } = await applyAuthorization(ctx, payment.id, attempt.id, outcome, { respond: true });
  if (error) throw error;
  return serializePayment(after);
}
