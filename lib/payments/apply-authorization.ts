import { and, eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { sqlState } from "@/db/batch";
import { fastUpdate } from "@/db/fast-update";
import { fastInsert } from "@/db/fast-insert";
import {
  paymentAttempts,
  payments,
  reviews,
  upiEvents,
  type NextAction,
  type PaymentAttemptRow,
  type PaymentError,
  type PaymentRow,
  type PayPalDetails,
  type UpiDetails,
} from "@/db/schema";
import type { ErrorCode } from "@/lib/service/error-codes";
import { ERROR_CODES } from "@/lib/service/error-codes";
import { commit, commitWrites, GuardLostError, type Changes } from "@/lib/service/commit";
import { executor, isTransaction, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import type { Charge } from "@/lib/gateways/types";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { newId } from "@/lib/ids";
import { qrSvg } from "@/lib/upi/qr";
import { declineWrites, paidWrites } from "@/lib/fraud/counter-writes";
import { serializeReview } from "@/lib/fraud/serialize-review";
import { loadUpiSettings, upiFee } from "@/lib/upi/settings";
import type { AuthorizeOutcome } from "./attempt";
import { processingFee } from "./fees";
import { noSuchPayment } from "./load-payment";
import { captureWrites, postCapture } from "./postings";
import { phaseBCounter } from "@/lib/metrics";
import { answerFor } from "./respond";
import { serializePayment } from "./serialize-payment";

/** Transient declines are retried (by the settle-payment function) up to this many attempts in all. */
export const MAX_ATTEMPTS = 3;
export const AUTHORIZATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Applied {
  payment: PaymentRow;
  /** The card error to answer with, when the attempt was declined for good. */
  error: KassaError | null;
}

/** What an outcome does: the payment's new columns, the attempt's, the event, the error to answer. */
interface Change {
  payment: Partial<PaymentRow>;
  attempt: Partial<PaymentAttemptRow>;
  event: string;
  error: KassaError | null;
  capture?: { amount: bigint; fee: bigint };
}

/**
 * Phase B of a confirmation: records what the processor said — payment, attempt, ledger entry, audit
 * row, outbox event and (for an API request with an Idempotency-Key) the stored response — in one
 * commit of few round trips: the locked read, the ledger posting, then one statement with the rest.
 * Applying the same attempt twice changes nothing, so a retry and the reconciliation job can race safely.
 */
export async function applyAuthorization(
  ctx: ServiceContext,
  paymentId: string,
  attemptId: string,
  outcome: AuthorizeOutcome,
  opts: { respond?: boolean; known?: { payment: PaymentRow; attempt: PaymentAttemptRow } } = {},
): Promise<Applied> {
  if (opts.known && canApplyUnlocked(ctx, opts.known.payment, opts.known.attempt, outcome)) {
    const applied = await applyUnlocked(ctx, opts.known.payment, opts.known.attempt, outcome, opts);
    phaseBCounter().inc({ path: applied ? "unlocked" : "fell_back" });
    if (applied) return applied;
  }
  phaseBCounter().inc({ path: "locked" });
  // A UPI intent's QR is drawn once, before the transaction, and kept with its next_action.
  const next = outcome.kind === "charge" ? outcome.charge.nextAction : null;
  const qr = next?.type === "upi_intent" ? await qrSvg(next.intentUrl) : null;
  return commit(ctx, async (tx, changes) => {
    const [row] = await tx
      .select({ payment: payments, attempt: paymentAttempts })
      .from(payments)
      .innerJoin(paymentAttempts, and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.paymentId, payments.id)))
      .where(and(eq(payments.id, paymentId), eq(payments.merchantId, ctx.merchantId), eq(payments.livemode, ctx.livemode)))
      .for("update", { of: payments });
    if (!row) throw noSuchPayment(paymentId);
    const { payment, attempt } = row;
    const open = payment.latestAttemptId === attempt.id && !attempt.settledAt && (payment.status === "processing" || payment.status === "requires_action");
    const upiSucceeded = outcome.kind === "charge" && outcome.charge.paymentMethod.type === "upi" && outcome.charge.status === "succeeded";
    const feeBasisPoints = open && upiSucceeded ? (await loadUpiSettings(tx, payment)).feeBasisPoints : null;
    const change = open ? changeFor(payment, attempt, outcome, { qr, feeBasisPoints }) : null;
    const applied = change
      ? await record(tx, changes, payment, attempt, change, { history: ctx.asOf !== undefined })
      : { payment, error: standingError(payment) };
    if (opts.respond) {
      const { status, body } = answerFor(ctx, applied.payment, applied.error);
      changes.respond(status, body);
    }
    return applied;
  });
}

/**
 * The request's own phase B, when it holds the payment and attempt exactly as its phase A wrote them: a card
 * payment without escrow, still processing on this attempt. No lock and no read: every row (payment, attempt,
 * ledger entry, fraud counters, review, audit, event, stored answer) in ONE statement whose first write
 * updates the payment only if it is still as phase A left it (status, attempt, updated_at). If anything
 * touched it meanwhile (a reconciliation that got there first, an update), nothing is written and the locked
 * path decides, as it would have. A capture already posted under the payment's key (it cannot be without the
 * guard failing too) aborts the statement the same way.
 */
function canApplyUnlocked(ctx: ServiceContext, payment: PaymentRow, attempt: PaymentAttemptRow, outcome: AuthorizeOutcome): boolean {
  if (ctx.asOf !== undefined || (ctx.db !== undefined && isTransaction(ctx.db))) return false;
  if (payment.escrow || payment.upi || attempt.paymentMethod === "upi") return false;
  if (outcome.kind === "charge" && outcome.charge.paymentMethod.type === "upi") return false;
  return payment.status === "processing" && payment.latestAttemptId === attempt.id && attempt.paymentId === payment.id && !attempt.settledAt;
}

async function applyUnlocked(
  ctx: ServiceContext,
  payment: PaymentRow,
  attempt: PaymentAttemptRow,
  outcome: AuthorizeOutcome,
  opts: { respond?: boolean },
): Promise<Applied | null> {
  const change = changeFor(payment, attempt, outcome, { qr: null, feeBasisPoints: null });
  if (!change) return null;
  const now = new Date();
  const next: PaymentRow = { ...payment, ...change.payment, updatedAt: now };
  try {
    await commitWrites(
      ctx,
      await executor(ctx),
      (db, changes) => {
        if (change.capture) changes.write(...captureWrites(db, next, change.capture.amount, change.capture.fee, now));
        declareOutcome(db, changes, payment, attempt, next, change, now);
        if (opts.respond) {
          const { status, body } = answerFor(ctx, next, change.error);
          changes.respond(status, body);
        }
        // The guard: the payment as phase A wrote it, or nothing.
        return [
          fastUpdate(
            db,
            payments,
            { ...change.payment, updatedAt: now },
            { id: payment.id, status: payment.status, latestAttemptId: attempt.id, updatedAt: payment.updatedAt },
            { returning: ["id"] },
          ),
        ];
      },
      { guarded: true },
    );
  } catch (error) {
    if (error instanceof GuardLostError || sqlState(error) === "23505") return null;
    throw error;
  }
  return { payment: next, error: change.error };
}

/** The outcome's rows: the ledger posting now, the rest in the commit's one statement. */
async function record(
  tx: Transaction,
  changes: Changes,
  payment: PaymentRow,
  attempt: PaymentAttemptRow,
  change: Change,
  opts: { history: boolean },
): Promise<Applied> {
  const now = new Date();
  const next: PaymentRow = { ...payment, ...change.payment, updatedAt: now };
  if (change.capture) await postCapture(tx, changes, next, change.capture.amount, change.capture.fee);
  changes.write(fastUpdate(tx, payments, { ...change.payment, updatedAt: now }, { id: payment.id }));
  // History written after the fact (the demo seed, ctx.asOf) settles its UPI payments itself: no live poll run.
  if (next.status === "requires_action" && next.upi && payment.status !== "requires_action")
    startUpiPolling(tx, changes, next, attempt, { run: !opts.history });
  declareOutcome(tx, changes, payment, attempt, next, change, now);
  return { payment: next, error: change.error };
}

/** What both paths declare beside the payment's own update: the attempt, the fraud counters, audit row and event. */
function declareOutcome(db: Executor, changes: Changes, payment: PaymentRow, attempt: PaymentAttemptRow, next: PaymentRow, change: Change, now: Date): void {
  changes.write(fastUpdate(db, paymentAttempts, { ...change.attempt, updatedAt: now }, { id: attempt.id }));
  recordFraudOutcome(db, changes, next, attempt, change);
  changes.audit({ action: change.event, targetType: "payment", targetId: payment.id, metadata: { status: next.status, attempt: attempt.id } });
  changes.event(change.event, serializePayment(next), payment.status !== next.status ? { status: payment.status } : undefined);
}

/**
 * The fraud counters' phase B and the review queue: a declined attempt counts as a decline
 * under its keys, a paid one joins the paid history; a reviewed attempt now authorised opens its review.
 */
function recordFraudOutcome(tx: Executor, changes: Changes, next: PaymentRow, attempt: PaymentAttemptRow, change: Change): void {
  const keys = attempt.fraudKeys;
  const at = keys?.at ?? Date.now();
  // A processor's decline counts; Kassa's own block does not (its attempt is counted already), or one block would feed the next.
  if (keys && change.attempt.status === "failed" && next.outcome?.type !== "blocked") changes.write(...declineWrites(tx, next, keys, at));
  if (keys && next.status === "succeeded") changes.write(...paidWrites(tx, next, keys, at));
  if (next.status === "requires_capture" && next.outcome?.type === "manual_review") {
    const review = {
      id: newId("review"),
      merchantId: next.merchantId,
      livemode: next.livemode,
      paymentId: next.id,
      open: 1,
      reason: next.outcome.rule ?? "risk_score",
      riskScore: next.outcome.risk_score,
    };
    changes.write(fastInsert(tx, reviews, review, { onConflictDoNothing: true }));
    changes.event("review.opened", serializeReview({ ...review, closedReason: null, closedAt: null, createdAt: new Date(at) }));
  }
}

/**
 * A UPI payment now waits for the customer's app: its status-poll run starts (the internal event, in this
 * commit) and its timeline opens.
 */
function startUpiPolling(tx: Transaction, changes: Changes, payment: PaymentRow, attempt: PaymentAttemptRow, opts: { run: boolean }): void {
  const upi = payment.upi!;
  if (opts.run)
    declareInternalEvent(changes, INTERNAL_EVENTS.upiPaymentStarted, {
      merchant: payment.merchantId,
      livemode: String(payment.livemode),
      payment: payment.id,
      attempt: attempt.id,
      startedAt: new Date().toISOString(),
      expiresAt: new Date(upi.expires_at * 1000).toISOString(),
    });
  changes.write(
    tx.insert(upiEvents).values({
      id: newId("upiEvent"),
      merchantId: payment.merchantId,
      livemode: payment.livemode,
      paymentId: payment.id,
      attemptId: attempt.id,
      kind: "initiated",
      status: "pending",
      detail: { flow: upi.flow, psp_reference: upi.psp_reference, expires_at: upi.expires_at },
    }),
  );
}

function changeFor(
  payment: PaymentRow,
  attempt: PaymentAttemptRow,
  outcome: AuthorizeOutcome,
  upi: { qr: string | null; feeBasisPoints: number | null },
): Change | null {
  const now = new Date();
  if (outcome.kind === "unknown") {
    if (attempt.status === "unknown") return null;
    // outcomeUnknownAt outlives the settling of the attempt: the timeout-rate alert counts it (lib/alerts).
    return { payment: {}, attempt: { status: "unknown", outcomeUnknownAt: now }, event: "payment.processing", error: null };
  }
  if (outcome.kind === "blocked") {
    // Stripe's answer for a Radar block: a card_declined with decline_code fraudulent; nothing was charged.
    const failure: PaymentError = {
      type: "card_error",
      code: "card_declined",
      decline_code: "fraudulent",
      message: "Your card was declined.",
      payment_method: attempt.paymentMethod,
    };
    return {
      payment: { status: "requires_payment_method", lastPaymentError: failure, nextAction: null },
      attempt: { status: "failed", failure: { ...failure, retryable: false }, settledAt: now },
      event: "payment.payment_failed",
      error: new KassaError("card_declined", failure.message, { declineCode: "fraudulent", param: "payment_method" }),
    };
  }
  if (outcome.kind === "unavailable") {
    // No connector could take it (each refused before accepting anything): nothing was charged, and a retry may succeed.
    const failure: PaymentError = {
      type: "card_error",
      code: "processing_error",
      decline_code: null,
      message: "An error occurred while processing your card. Try again in a little bit.",
      payment_method: attempt.paymentMethod,
    };
    return {
      payment: { status: "requires_payment_method", lastPaymentError: failure, nextAction: null },
      attempt: { status: "failed", failure: { ...failure, retryable: true }, settledAt: now },
      event: "payment.payment_failed",
      error: new KassaError("processing_error", failure.message, { param: "payment_method" }),
    };
  }
  if (outcome.kind === "rejected") {
    // The processor refused the request itself: nothing was charged.
    const failure: PaymentError = {
      type: "invalid_request_error",
      code: outcome.code,
      decline_code: null,
      message: outcome.message,
      payment_method: attempt.paymentMethod,
    };
    return {
      payment: { status: "requires_payment_method", lastPaymentError: failure },
      attempt: { status: "failed", failure: { ...failure, retryable: false }, settledAt: now },
      event: "payment.payment_failed",
      error: new KassaError(knownCode(outcome.code, "payment_method_unknown"), outcome.message, { param: "payment_method" }),
    };
  }
  const charge = outcome.charge;
  const common = {
    processorId: charge.processorId,
    card: cardOf(charge),
    ...(charge.paymentMethod.type === "upi" ? { upi: upiDetailsOf(charge, payment.upi) } : {}),
    ...(charge.paymentMethod.type === "paypal" ? { paypal: paypalDetailsOf(charge) } : {}),
  };
  switch (charge.status) {
    case "succeeded": {
      const fee = upi.feeBasisPoints !== null ? upiFee(charge.amountCaptured, upi.feeBasisPoints) : processingFee(charge.amountCaptured, payment.currency);
      return {
        payment: { ...common, status: "succeeded", amountReceived: charge.amountCaptured, amountCapturable: 0n, fee, capturedAt: now },
        attempt: { status: "succeeded", processorId: charge.processorId, settledAt: now },
        event: "payment.succeeded",
        error: null,
        capture: { amount: charge.amountCaptured, fee },
      };
    }
    case "requires_capture":
      return {
        payment: {
          ...common,
          status: "requires_capture",
          amountCapturable: charge.amountCapturable,
          authorizationExpiresAt: new Date(now.getTime() + AUTHORIZATION_TTL_MS),
        },
        attempt: { status: "requires_capture", processorId: charge.processorId, settledAt: now },
        event: "payment.amount_capturable_updated",
        error: null,
      };
    case "requires_action": {
      const nextAction = nextActionOf(charge, upi.qr);
      return {
        payment: { ...common, status: "requires_action", nextAction },
        attempt: { status: "requires_action", processorId: charge.processorId },
        event: "payment.requires_action",
        error: null,
      };
    }
    case "failed":
    case "canceled": {
      const f = charge.failure ?? {
        code: "card_declined",
        declineCode: null,
        message: "Your card was declined.",
        retryable: false,
        type: "card_error" as const,
      };
      const failure: PaymentError = {
        type: "card_error",
        code: f.code,
        decline_code: f.declineCode,
        message: f.message,
        payment_method: attempt.paymentMethod,
      };
      const attemptChange = { status: "failed" as const, processorId: charge.processorId, failure: { ...failure, retryable: f.retryable }, settledAt: now };
      if (f.retryable && payment.attemptCount < MAX_ATTEMPTS) {
        // A transient decline: stays processing; the settle-payment function tries again.
        return { payment: { ...common, lastPaymentError: failure }, attempt: attemptChange, event: "payment.processing", error: null };
      }
      return {
        payment: { ...common, status: "requires_payment_method", lastPaymentError: failure, nextAction: null },
        attempt: attemptChange,
        event: "payment.payment_failed",
        error: new KassaError(knownCode(f.code, "card_declined"), f.message, { declineCode: f.declineCode ?? undefined, param: "payment_method" }),
      };
    }
  }
  throw new KassaError("api_error", `processor answered with an unknown status: ${String(charge.status)}`);
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

function nextActionOf(charge: Charge, qr: string | null): NextAction | null {
  const n = charge.nextAction;
  if (!n) return null;
  const expires = (d: Date) => Math.floor(d.getTime() / 1000);
  switch (n.type) {
    case "redirect_to_url":
      return { type: "redirect_to_url", redirect_to_url: { url: n.redirectToUrl.url, return_url: n.redirectToUrl.returnUrl } };
    case "upi_intent":
      return { type: "upi_intent", intent_url: n.intentUrl, qr_svg: qr ?? "", expires_at: expires(n.expiresAt) };
    case "upi_collect_pending":
      return { type: "upi_collect_pending", vpa: n.vpa, expires_at: expires(n.expiresAt) };
  }
}

/** payment_method_details.upi after the PSP's answer (an expired answer is Kassa's word: the PSP may still say pending). */
function upiDetailsOf(charge: Charge, before: UpiDetails | null): UpiDetails | undefined {
  if (charge.paymentMethod.type !== "upi") return undefined;
  const u = charge.paymentMethod.upi;
  const status = charge.status === "canceled" ? "expired" : u.status;
  return {
    flow: u.flow,
    vpa: u.vpa ?? before?.vpa ?? null,
    status,
    rrn: u.rrn,
    psp_reference: charge.processorId,
    expires_at: Math.floor(u.expiresAt.getTime() / 1000),
    payer_name: u.payerName ?? before?.payer_name ?? null,
    late_refund: before?.late_refund ?? null,
  };
}

/** payment_method_details.paypal: who approved the wallet payment (null until they did). */
function paypalDetailsOf(charge: Charge): PayPalDetails | null {
  if (charge.paymentMethod.type !== "paypal") return null;
  const p = charge.paymentMethod.paypal;
  if (!p.payerId && !p.payerEmail) return null;
  return { payer_id: p.payerId, payer_email: p.payerEmail, payer_name: p.payerName, country: p.country };
}

function cardOf(charge: Charge) {
  if (charge.paymentMethod.type !== "card") return null;
  const c = charge.paymentMethod.card;
  if (!c) return null;
  return { brand: c.brand, last4: c.last4, exp_month: c.expMonth, exp_year: c.expYear, fingerprint: c.fingerprint, country: c.country, funding: c.funding };
}
