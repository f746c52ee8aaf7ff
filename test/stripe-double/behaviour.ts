import type { FormParams, FormValue } from "./form";
import { cardHash, fixture, knownTestCard, now, stripeError, stripeId, type StripeObject } from "./objects";
import type { StripeState } from "./state";

/** What the simulated Stripe answers: a status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

export const str = (v: FormValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);
export const int = (v: FormValue | undefined): number | undefined => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);
export const bool = (v: FormValue | undefined) => v === "true";
export const meta = (v: FormValue | undefined) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, string>) : {});

export const missing = (id: string, kind: string, param = "id") =>
  stripeError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param });
export const invalid = (code: string, message: string, param?: string) =>
  stripeError(400, { type: "invalid_request_error", code, message, ...(param ? { param } : {}) });
export const ok = (body: unknown): Answer => ({ status: 200, body });

/** A card-ish payment method: a saved `pm_…` of the double or one of Stripe's test tokens. */
export function resolvePaymentMethod(s: StripeState, id: string): { pm: StripeObject; card: NonNullable<ReturnType<typeof knownTestCard>> } | null {
  const saved = s.paymentMethods.get(id);
  if (saved) return { pm: saved, card: knownTestCard(String(saved.test_card))! };
  const card = knownTestCard(id);
  if (!card) return null;
  return { pm: newPaymentMethod(s, id), card };
}

export function newPaymentMethod(s: StripeState, token: string): StripeObject {
  const card = knownTestCard(token)!;
  const pm = fixture("payment_method", { id: stripeId("pm"), created: now(), card: cardHash(card), customer: null, metadata: {}, test_card: token });
  s.paymentMethods.set(pm.id, pm);
  return pm;
}

/** The public view of a payment method (without the double's own bookkeeping). */
export const publicPm = (pm: StripeObject): StripeObject => {
  const { test_card: _t, ...rest } = pm;
  return rest as StripeObject;
};

export const DECLINES: Record<string, { code: string; decline_code: string | null; message: string }> = {
  decline_generic: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  decline_insufficient_funds: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  decline_expired_card: { code: "expired_card", decline_code: "expired_card", message: "Your card has expired." },
  decline_incorrect_cvc: { code: "incorrect_cvc", decline_code: "incorrect_cvc", message: "Your card's security code is incorrect." },
  fraud_blocked: { code: "card_declined", decline_code: "fraudulent", message: "Your card was declined." },
  processing_error: { code: "processing_error", decline_code: null, message: "An error occurred while processing your card. Try again in a little bit." },
};

function newCharge(s: StripeState, pi: StripeObject, pm: StripeObject, extra: Record<string, unknown>): StripeObject {
  const charge = fixture("charge", {
    id: stripeId("ch"),
    created: now(),
    amount: pi.amount,
    amount_captured: 0,
    amount_refunded: 0,
    captured: false,
    refunded: false,
    disputed: false,
    currency: pi.currency,
    customer: pi.customer,
    payment_intent: pi.id,
    payment_method: pm.id,
    metadata: pi.metadata,
    outcome: { type: "authorized", risk_level: "normal", network_status: "approved_by_network", reason: null, seller_message: "Payment complete." },
    payment_method_details: { type: "card", card: pm.card },
    refunds: { object: "list", data: [], has_more: false, url: "/v1/refunds" },
    balance_transaction: null,
    ...extra,
  });
  s.charges.set(charge.id, charge);
  pi.latest_charge = charge.id;
  return charge;
}

/** Confirms a PaymentIntent with its payment method, as Stripe's test cards behave. */
export function confirm(s: StripeState, pi: StripeObject, params: FormParams): Answer {
  const pmId = str(params.payment_method) ?? (pi.payment_method as string | null);
  if (!pmId) return invalid("payment_intent_unexpected_state", "You must provide a payment method to confirm.", "payment_method");
  const resolved = resolvePaymentMethod(s, pmId);
  if (!resolved) return missing(pmId, "PaymentMethod", "payment_method");
  const { pm, card } = resolved;
  if (pm.customer && pm.customer !== pi.customer) {
    return invalid("payment_method_unexpected_state", "The provided PaymentMethod belongs to another customer.", "payment_method");
  }
  pi.payment_method = pm.id;
  const offSession = bool(params.off_session);
  const returnUrl = str(params.return_url);
  const decline =
    DECLINES[card.behaviour] ??
    (card.behaviour === "authentication_required" && offSession
      ? {
          code: "authentication_required",
          decline_code: "authentication_required",
          message: "Your card was declined. This transaction requires authentication.",
        }
      : undefined);
  if (decline) {
    const charge = newCharge(s, pi, pm, {
      status: "failed",
      paid: false,
      failure_code: decline.code,
      failure_message: decline.message,
      outcome: { type: "issuer_declined", risk_level: card.behaviour === "fraud_blocked" ? "highest" : "normal", reason: decline.decline_code },
    });
    const error = {
      type: "card_error",
      code: decline.code,
      decline_code: decline.decline_code ?? undefined,
      message: decline.message,
      charge: charge.id,
      payment_method: publicPm(pm),
      doc_url: `https://stripe.com/docs/error-codes/${decline.code}`,
    };
    Object.assign(pi, { status: "requires_payment_method", last_payment_error: { ...error }, amount_capturable: 0 });
    s.emit("payment_intent.payment_failed", pi);
    return stripeError(402, { ...error, payment_intent: structuredClone(pi) });
  }
  if (card.behaviour === "authentication_required") {
    Object.assign(pi, {
      status: "requires_action",
      next_action: returnUrl
        ? { type: "redirect_to_url", redirect_to_url: { url: `https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=${pi.id}`, return_url: returnUrl } }
        : { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } },
    });
    s.emit("payment_intent.requires_action", pi);
    return ok(pi);
  }
  const risk = card.behaviour === "elevated_risk" ? "elevated" : "normal";
  if (pi.capture_method === "manual") {
    newCharge(s, pi, pm, { status: "succeeded", paid: true, outcome: { type: "authorized", risk_level: risk } });
    Object.assign(pi, { status: "requires_capture", amount_capturable: pi.amount, next_action: null, last_payment_error: null });
    s.emit("payment_intent.amount_capturable_updated", pi);
  } else {
    newCharge(s, pi, pm, { status: "succeeded", paid: true, captured: true, amount_captured: pi.amount, outcome: { type: "authorized", risk_level: risk } });
    Object.assign(pi, { status: "succeeded", amount_received: pi.amount, amount_capturable: 0, next_action: null, last_payment_error: null });
    s.emit("payment_intent.succeeded", pi);
    if (card.behaviour === "create_dispute") openDispute(s, pi);
  }
  return ok(pi);
}

/** Stripe opens a dispute on a captured pm_card_createDispute charge. */
export function openDispute(s: StripeState, pi: StripeObject, status = "needs_response"): StripeObject {
  const charge = s.charges.get(String(pi.latest_charge))!;
  charge.disputed = true;
  const dispute = fixture("dispute", {
    id: stripeId("dp"),
    amount: pi.amount_received,
    currency: pi.currency,
    charge: charge.id,
    payment_intent: pi.id,
    created: now(),
    status,
    reason: "fraudulent",
    balance_transactions: [],
    evidence_details: { due_by: now() + 7 * 86400, has_evidence: false, past_due: false, submission_count: 0, enhanced_eligibility: {} },
  });
  s.disputes.set(dispute.id, dispute);
  s.emit("charge.dispute.created", dispute);
  return dispute;
}

/** Closes a dispute as the card network decided (a test helper: Stripe does this on its own). */
export function closeDispute(s: StripeState, id: string, outcome: "won" | "lost"): StripeObject {
  const dispute = s.disputes.get(id)!;
  dispute.status = outcome;
  s.emit("charge.dispute.closed", dispute);
  return dispute;
}
