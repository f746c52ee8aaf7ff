import { and, eq } from "drizzle-orm";
import { paymentAttempts, payments, type PaymentAttemptRow, type PaymentRow } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";
import { commit } from "@/lib/service/commit";
import { recoveryOf } from "@/lib/service/recovery";
import { executor, type ServiceContext } from "@/lib/service/context";
import { aroundSideEffect } from "@/lib/failpoints";
import { applyAuthorization } from "./apply-authorization";
import { authorizeAttempt, recoverAttempt } from "./attempt";
import { serializePayment, type PaymentObject } from "./serialize-payment";

export interface Recovery {
  paymentId: string;
  /** Null for a payment created without confirming: the retry answers it as it stands. */
  attemptId: string | null;
}

const POINT = "attempt_started";

/** Phase A's recovery point, declared on its commit (lib/service/commit.ts): where a retry of this request resumes after a crash. */
export function declareRecovery(changes: Changes, recovery: Recovery): void {
  changes.recoveryPoint(POINT, recovery);
}

/** Processor call, then phase B; a decline is thrown after its result is committed. */
export async function runConfirmation(ctx: ServiceContext, payment: PaymentRow, attempt: PaymentAttemptRow): Promise<PaymentObject> {
  const outcome = await aroundSideEffect("payment.processor", () => authorizeAttempt(payment, attempt));
  // This request wrote both rows in its phase A: phase B may apply without a lock if they are unchanged.
  const { payment: after, error } = await applyAuthorization(ctx, payment.id, attempt.id, outcome, { respond: true, known: { payment, attempt } });
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
