import { eq, sql } from "drizzle-orm";
import { paymentAttempts, payments, type PaymentAttemptRow, type PaymentError, type PaymentRow } from "@/db/schema";
import type { ConnectorName } from "@/lib/gateways/types";
import { newId } from "@/lib/ids";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadPayment } from "./load-payment";
import { declareRecovery } from "./confirmation-recovery";

/** The next connector of the attempt's failover order after every one tried so far, or null. */
export function nextCandidate(attempt: PaymentAttemptRow, tried: ReadonlySet<string>): ConnectorName | null {
  const candidates = attempt.routing?.candidates ?? [];
  return (candidates.find((c) => !tried.has(c)) as ConnectorName | undefined) ?? null;
}

/**
 * Failover, after a connector refused an attempt before accepting anything (ConnectorUnavailableError: a
 * 503 before processing, an open breaker) — never after an unknown outcome, which is reconciled first, so a
 * payment is never charged on two connectors. One transaction with the payment locked: the refused attempt
 * fails (retryable, settled), a new attempt on `next` starts, and the request's recovery point moves to it,
 * so a crash from here on resumes the new attempt. Returns null when the payment moved on meanwhile.
 */
export async function failOverAttempt(
  ctx: ServiceContext,
  payment: PaymentRow,
  attempt: PaymentAttemptRow,
  next: ConnectorName,
  detail: string,
): Promise<{ payment: PaymentRow; attempt: PaymentAttemptRow } | null> {
  return commit(ctx, async (tx, changes) => {
    const current = await loadPayment(tx, ctx, payment.id, { lock: true });
    if (current.status !== "processing" || current.latestAttemptId !== attempt.id) return null;
    const now = new Date();
    const failure: PaymentError & { retryable: boolean } = {
      type: "api_error",
      code: "processor_unavailable",
      decline_code: null,
      message: detail,
      payment_method: attempt.paymentMethod,
      retryable: true,
    };
    await tx.update(paymentAttempts).set({ status: "failed", failure, settledAt: now, updatedAt: now }).where(eq(paymentAttempts.id, attempt.id));
    const fresh: PaymentAttemptRow = {
      ...attempt,
      id: newId("paymentAttempt"),
      status: "started",
      connector: next,
      processorId: null,
      failure: null,
      settledAt: null,
      outcomeUnknownAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(paymentAttempts).values(fresh);
    const [moved] = await tx
      .update(payments)
      .set({ latestAttemptId: fresh.id, connector: next, attemptCount: sql`${payments.attemptCount} + 1`, updatedAt: now })
      .where(eq(payments.id, payment.id))
      .returning();
    declareRecovery(changes, { paymentId: payment.id, attemptId: fresh.id });
    changes.audit({
      action: "payment.attempt_failed_over",
      targetType: "payment",
      targetId: payment.id,
      metadata: { from: { attempt: attempt.id, connector: attempt.connector }, to: { attempt: fresh.id, connector: next }, reason: detail },
    });
    return { payment: moved!, attempt: fresh };
  });
}
