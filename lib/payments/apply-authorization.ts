import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { paymentAttempts, payments, type PaymentAttemptRow, type PaymentError, type PaymentRow } from "@/db/schema";
import type { ErrorCode } from "@/lib/api/error-codes";
import { ERROR_CODES } from "@/lib/api/error-codes";
import { writeAudit } from "@/lib/audit/write-audit";
import { withTransaction, type ServiceContext } from "@/lib/context";
import { KassaError } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import type { Charge } from "@/lib/gateways/types";
import { loadAttempt, type AuthorizeOutcome } from "./attempt";
import { processingFee } from "./fees";
import { loadPayment } from "./load-payment";
import { postCapture } from "./postings";
import { storeResponse } from "./respond";
import { serializePayment } from "./serialize-payment";

/** Transient declines are retried (by the settle-payment function) up to this many attempts in all. */
export const MAX_ATTEMPTS = 3;
export const AUTHORIZATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Applied {
  payment: PaymentRow;
  /** The card error to answer with, when the attempt was declined for good. */
  error: KassaError | null;
}

/**
 * Phase B of a confirmation: records what the processor said — payment, attempt, ledger entry, audit
 * row, outbox event and (for an API request with an Idempotency-Key) the stored response — in one
 * transaction. Applying the same attempt twice changes nothing, so a retry and the reconciliation job
 * can race safely.
 */
export async function applyAuthorization(ctx: ServiceContext, paymentId: string, attemptId: string, outcome: AuthorizeOutcome, opts: { respond?: boolean } = {}): Promise<Applied> {
  const applied = await withTransaction(ctx, async (tx) => {
    const payment = await loadPayment(tx, ctx, paymentId, { lock: true });
    const attempt = await loadAttempt(tx, payment, attemptId);
    const open = payment.latestAttemptId === attempt.id && !attempt.settledAt && (payment.status === "processing" || payment.status === "requires_action");
    const result = open ? await record(tx, ctx, payment, attempt, outcome) : { payment, error: standingError(payment) };
    if (opts.respond) await storeResponse(tx, ctx, result.payment, result.error);
    return result;
  });
  if (opts.respond && ctx.idempotencyKeyId) ctx.idempotencyStored = true;
  return applied;
}

async function record(tx: Transaction, ctx: ServiceContext, payment: PaymentRow, attempt: PaymentAttemptRow, outcome: AuthorizeOutcome): Promise<Applied> {
  const now = new Date();
  if (outcome.kind === "unknown") {
    if (attempt.status === "unknown") return { payment, error: null };
    await tx.update(paymentAttempts).set({ status: "unknown" }).where(eq(paymentAttempts.id, attempt.id));
    return finish(tx, ctx, payment, { updatedAt: new Date() }, "payment.processing", null);
  }
  if (outcome.kind === "rejected") {
    // The processor refused the request itself (an unknown payment method…): nothing was charged.
    const failure: PaymentError = { type: "invalid_request_error", code: outcome.code, decline_code: null, message: outcome.message, payment_method: attempt.paymentMethod };
    await tx.update(paymentAttempts).set({ status: "failed", failure: { ...failure, retryable: false }, settledAt: now }).where(eq(paymentAttempts.id, attempt.id));
    const error = new KassaError(knownCode(outcome.code, "payment_method_unknown"), outcome.message, { param: "payment_method" });
    return finish(tx, ctx, payment, { status: "requires_payment_method", lastPaymentError: failure }, "payment.payment_failed", error);
  }
  const charge = outcome.charge;
  const common = { processorId: charge.processorId, card: cardOf(charge) };
  const attemptSet = (status: PaymentAttemptRow["status"], settled: boolean) =>
    tx.update(paymentAttempts).set({ status, processorId: charge.processorId, ...(settled ? { settledAt: now } : {}) }).where(eq(paymentAttempts.id, attempt.id));

  switch (charge.status) {
    case "succeeded": {
      await attemptSet("succeeded", true);
      const fee = processingFee(charge.amountCaptured, payment.currency);
      const next = await finish(tx, ctx, payment, { ...common, status: "succeeded", amountReceived: charge.amountCaptured, amountCapturable: 0n, fee, capturedAt: now }, "payment.succeeded", null);
      await postCapture(tx, next.payment, charge.amountCaptured, fee);
      return next;
    }
    case "requires_capture": {
      await attemptSet("requires_capture", true);
      const expires = new Date(now.getTime() + AUTHORIZATION_TTL_MS);
      return finish(tx, ctx, payment, { ...common, status: "requires_capture", amountCapturable: charge.amountCapturable, authorizationExpiresAt: expires }, "payment.amount_capturable_updated", null);
    }
    case "requires_action": {
      await attemptSet("requires_action", false);
      const nextAction = charge.nextAction
        ? { type: "redirect_to_url" as const, redirect_to_url: { url: charge.nextAction.redirectToUrl.url, return_url: charge.nextAction.redirectToUrl.returnUrl } }
        : null;
      return finish(tx, ctx, payment, { ...common, status: "requires_action", nextAction }, "payment.requires_action", null);
    }
    case "failed":
    case "canceled": {
      const f = charge.failure ?? { code: "card_declined", declineCode: null, message: "Your card was declined.", retryable: false, type: "card_error" as const };
      const failure: PaymentError = { type: "card_error", code: f.code, decline_code: f.declineCode, message: f.message, payment_method: attempt.paymentMethod };
      await tx.update(paymentAttempts).set({ status: "failed", processorId: charge.processorId, failure: { ...failure, retryable: f.retryable }, settledAt: now }).where(eq(paymentAttempts.id, attempt.id));
      if (f.retryable && payment.attemptCount < MAX_ATTEMPTS) {
        // A transient decline: stays processing; the settle-payment function tries again.
        return finish(tx, ctx, payment, { ...common, lastPaymentError: failure }, "payment.processing", null);
      }
      const error = new KassaError(knownCode(f.code, "card_declined"), f.message, { declineCode: f.declineCode ?? undefined, param: "payment_method" });
      return finish(tx, ctx, payment, { ...common, status: "requires_payment_method", lastPaymentError: failure, nextAction: null }, "payment.payment_failed", error);
    }
  }
  throw new KassaError("api_error", `processor answered with an unknown status: ${String(charge.status)}`);
}

/** Updates the payment, then writes its audit row and outbox event with the new object. */
async function finish(tx: Transaction, ctx: ServiceContext, payment: PaymentRow, set: Partial<typeof payments.$inferInsert>, event: string, error: KassaError | null): Promise<Applied> {
  const [updated] = await tx.update(payments).set(set).where(eq(payments.id, payment.id)).returning();
  const object = serializePayment(updated!);
  await writeAudit(tx, ctx, { action: event, targetType: "payment", targetId: payment.id, metadata: { status: updated!.status, attempt: updated!.latestAttemptId } });
  await emitEvent(tx, ctx, event, object, payment.status !== updated!.status ? { status: payment.status } : undefined);
  return { payment: updated!, error };
}

/** When an attempt was already recorded, a replayed confirmation answers as the first one did. */
function standingError(payment: PaymentRow): KassaError | null {
  const e = payment.lastPaymentError;
  if (payment.status !== "requires_payment_method" || !e) return null;
  return new KassaError(knownCode(e.code, "card_declined"), e.message, { declineCode: e.decline_code ?? undefined, param: "payment_method" });
}

function knownCode(code: string, fallback: ErrorCode): ErrorCode {
  return Object.hasOwn(ERROR_CODES, code) ? (code as ErrorCode) : fallback;
}

function cardOf(charge: Charge) {
  const c = charge.paymentMethod?.card;
  if (!c) return null;
  return { brand: c.brand, last4: c.last4, exp_month: c.expMonth, exp_year: c.expYear, fingerprint: c.fingerprint, country: c.country, funding: c.funding };
}
