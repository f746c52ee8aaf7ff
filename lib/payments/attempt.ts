import { and, eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { paymentAttempts, payments, type AttemptRouting, type PaymentAttemptRow, type PaymentRow, type UpiDetails } from "@/db/schema";
import { ConnectorRequestError, ConnectorUnavailableError, ConnectorUnknownOutcomeError, type Charge } from "@/lib/gateways/types";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { connectorOf } from "./connector";
import { connectorHealth } from "@/lib/connector-health/process-connector-health";
import type { CallOutcome } from "@/lib/connector-health/types";
import type { Assessment } from "@/lib/fraud/assess-payment";

/** What the processor said about an authorization, or that nobody knows. */
export type AuthorizeOutcome =
  | { kind: "charge"; charge: Charge }
  | { kind: "unknown"; detail: string }
  | { kind: "rejected"; code: string; message: string }
  /** The processor refused before accepting anything (a 503 before processing, an open breaker): safe to send elsewhere. */
  | { kind: "unavailable"; detail: string }
  /** Kassa's fraud check blocked the attempt: it is never sent to the processor. */
  | { kind: "blocked" };

/**
 * Phase A of a confirmation, inside the caller's transaction with the payment locked: a new attempt
 * row (its id is the processor idempotency key) and the payment in `processing`.
 */
export async function startAttempt(
  tx: Transaction,
  payment: PaymentRow,
  paymentMethod: string,
  returnUrl?: string | null,
  opts: { connector?: string; upi?: UpiDetails | null; attemptId?: string; fraud?: Assessment | null; routing?: AttemptRouting | null } = {},
): Promise<{ payment: PaymentRow; attempt: PaymentAttemptRow }> {
  const connector = opts.connector ?? payment.connector;
  const fraud = opts.fraud ?? null;
  const [attempt] = await tx
    .insert(paymentAttempts)
    .values({
      id: opts.attemptId ?? newId("paymentAttempt"),
      merchantId: payment.merchantId,
      livemode: payment.livemode,
      paymentId: payment.id,
      status: "started",
      amount: payment.amount,
      paymentMethod,
      connector,
      fraudKeys: fraud?.keys ?? null,
      routing: opts.routing ?? null,
    })
    .returning();
  const [updated] = await tx
    .update(payments)
    .set({
      status: "processing",
      paymentMethod,
      latestAttemptId: attempt!.id,
      attemptCount: sql`${payments.attemptCount} + 1`,
      lastPaymentError: null,
      nextAction: null,
      card: null,
      paypal: null,
      connector,
      upi: opts.upi ?? null,
      ...(fraud ? { outcome: fraud.outcome } : {}),
      // A reviewed card attempt is only authorised: the merchant's approval captures it.
      ...(fraud?.decision === "review" && paymentMethod !== "upi" ? { captureMethod: "manual" as const } : {}),
      ...(returnUrl !== undefined ? { returnUrl } : {}),
    })
    .where(eq(payments.id, payment.id))
    .returning();
  return { payment: updated!, attempt: attempt! };
}

/**
 * The processor call between the phases. Never throws for a processor answer; only for bugs. The
 * connector's circuit breaker (lib/connector-health, shared by every instance) is asked first: an open
 * one answers "unavailable" without a call (nothing was sent, so the payment may fail over), and every
 * admitted call's outcome and latency is recorded for the breaker and the Connectors page.
 */
export async function authorizeAttempt(payment: PaymentRow, attempt: PaymentAttemptRow): Promise<AuthorizeOutcome> {
  // Every path to the processor comes here (the request, its retry, reconciliation): a blocked attempt never leaves.
  if (payment.outcome?.type === "blocked" && payment.latestAttemptId === attempt.id) return { kind: "blocked" };
  const connector = connectorOf(attempt.connector);
  const health = await connectorHealth();
  const key = { connector: attempt.connector, livemode: payment.livemode };
  const admission = await health.admit(key);
  if (!admission.admitted) {
    return {
      kind: "unavailable",
      detail: `${attempt.connector} is unavailable: its circuit breaker is ${admission.state} until ${admission.retryAt.toISOString()}.`,
    };
  }
  const started = performance.now();
  const record = (outcome: CallOutcome) => void health.record(key, outcome, performance.now() - started);
  try {
    const charge = await connector.authorize(
      { merchantId: payment.merchantId, livemode: payment.livemode },
      {
        idempotencyKey: attempt.id,
        paymentId: payment.id,
        amount: attempt.amount,
        currency: payment.currency,
        paymentMethod: attempt.paymentMethod,
        captureMethod: payment.captureMethod,
        customer: payment.customer,
        description: payment.description,
        returnUrl: payment.returnUrl,
        requestThreeDSecure: attempt.fraudKeys?.threeDSecure === true,
        upi:
          attempt.paymentMethod === "upi" && payment.upi
            ? {
                flow: payment.upi.flow,
                vpa: payment.upi.vpa,
                expiresAt: new Date(payment.upi.expires_at * 1000),
                note: (payment.description ?? `Payment ${payment.id}`).slice(0, 50),
                payeeName: "",
              }
            : null,
      },
    );
    record(charge.status === "failed" ? "declined" : "success");
    return { kind: "charge", charge };
  } catch (error) {
    if (error instanceof ConnectorUnknownOutcomeError) {
      // A test card's scripted loss is the card's behaviour, not the processor's health.
      record(error.scripted ? "declined" : "unknown_outcome");
      logger.warn({ payment: payment.id, attempt: attempt.id, detail: error.message }, "authorization outcome unknown; reconciling");
      return { kind: "unknown", detail: error.message };
    }
    if (error instanceof ConnectorRequestError) {
      record("declined");
      return { kind: "rejected", code: error.code, message: error.message };
    }
    if (error instanceof ConnectorUnavailableError) {
      record("transient_failure");
      logger.warn({ payment: payment.id, attempt: attempt.id, connector: attempt.connector, detail: error.message }, "processor unavailable; nothing was sent");
      return { kind: "unavailable", detail: error.message };
    }
    record("unknown_outcome");
    throw error;
  }
}

/** Asks the processor what became of an attempt whose answer was lost; re-sends it if it never arrived. */
export async function recoverAttempt(payment: PaymentRow, attempt: PaymentAttemptRow): Promise<AuthorizeOutcome> {
  if (payment.outcome?.type === "blocked" && payment.latestAttemptId === attempt.id) return { kind: "blocked" };
  const connector = connectorOf(attempt.connector);
  try {
    const charge = await connector.retrieve({ merchantId: payment.merchantId, livemode: payment.livemode }, { idempotencyKey: attempt.id });
    if (charge) return { kind: "charge", charge };
  } catch (error) {
    if (error instanceof ConnectorUnknownOutcomeError) return { kind: "unknown", detail: error.message };
    throw error;
  }
  // The request never reached the processor: sending it again with the same key is safe.
  return authorizeAttempt(payment, attempt);
}

export async function loadAttempt(db: Executor, payment: Pick<PaymentRow, "id">, attemptId: string): Promise<PaymentAttemptRow> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.paymentId, payment.id)));
  if (!attempt) throw new KassaError("api_error", `attempt ${attemptId} of ${payment.id} is missing`);
  return attempt;
}
