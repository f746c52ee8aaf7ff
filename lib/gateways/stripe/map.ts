import type Stripe from "stripe";
import { ConnectorUnknownOutcomeError, type CardDetails, type Charge, type ChargeFailure, type RefundResult, type RiskLevel } from "../types";
import { cardFailure } from "./errors";

/** Expanded on every PaymentIntent Kassa reads: the card and the charge's outcome and refunds. */
export const PI_EXPAND = ["latest_charge", "payment_method"];

export function cardOf(card: Stripe.PaymentMethod.Card | Stripe.Charge.PaymentMethodDetails.Card | null | undefined): CardDetails | null {
  if (!card) return null;
  return {
    brand: card.brand ?? "unknown",
    last4: card.last4 ?? "",
    expMonth: card.exp_month ?? 0,
    expYear: card.exp_year ?? 0,
    fingerprint: card.fingerprint ?? "",
    country: card.country ?? null,
    funding: card.funding ?? "unknown",
  };
}

const objectOr = <T extends { id: string }>(v: string | T | null | undefined): T | null => (v && typeof v === "object" ? v : null);

/**
 * A PaymentIntent as Kassa's Charge. `processing` (the card network has not answered) and a
 * PaymentIntent never confirmed are not outcomes yet: they raise ConnectorUnknownOutcomeError, so the
 * money path asks again later.
 */
export function toCharge(pi: Stripe.PaymentIntent, fallback: { idempotencyKey?: string; failure?: ChargeFailure | null } = {}): Charge {
  const charge = objectOr<Stripe.Charge>(pi.latest_charge);
  const pm = objectOr<Stripe.PaymentMethod>(pi.payment_method);
  const card = cardOf(pm?.card) ?? cardOf(charge?.payment_method_details?.card);
  const failure = pi.last_payment_error ? cardFailure(pi.last_payment_error) : (fallback.failure ?? null);
  let status: Charge["status"];
  switch (pi.status) {
    case "succeeded":
    case "requires_capture":
    case "requires_action":
    case "canceled":
      status = pi.status as Charge["status"];
      break;
    case "requires_payment_method":
      if (!failure) throw new ConnectorUnknownOutcomeError(`Stripe PaymentIntent ${pi.id} was never confirmed.`);
      status = "failed";
      break;
    default:
      throw new ConnectorUnknownOutcomeError(`Stripe PaymentIntent ${pi.id} is ${pi.status}; ask again later.`);
  }
  const redirect = pi.next_action?.redirect_to_url;
  return {
    processorId: pi.id,
    idempotencyKey: pi.metadata?.kassa_attempt_id ?? fallback.idempotencyKey ?? "",
    paymentId: pi.metadata?.kassa_payment_id ?? "",
    status,
    captureMethod: pi.capture_method === "manual" ? "manual" : "automatic",
    amount: BigInt(pi.amount),
    amountCapturable: BigInt(pi.amount_capturable ?? 0),
    amountCaptured: BigInt(pi.amount_received ?? 0),
    amountRefunded: BigInt(charge?.amount_refunded ?? 0),
    currency: pi.currency,
    paymentMethod: { id: pm?.id ?? (typeof pi.payment_method === "string" ? pi.payment_method : ""), type: "card", card: card ?? emptyCard },
    failure: status === "failed" ? failure : null,
    nextAction: redirect?.url ? { type: "redirect_to_url", redirectToUrl: { url: redirect.url, returnUrl: redirect.return_url ?? null } } : null,
    riskLevel: riskOf(charge),
    created: new Date(pi.created * 1000),
    clientSecret: pi.client_secret,
  };
}

const emptyCard: CardDetails = { brand: "unknown", last4: "", expMonth: 0, expYear: 0, fingerprint: "", country: null, funding: "unknown" };

function riskOf(charge: Stripe.Charge | null): RiskLevel {
  const level = charge?.outcome?.risk_level;
  return level === "elevated" || level === "highest" ? level : "normal";
}

export function toRefundResult(refund: Stripe.Refund): RefundResult {
  const status = refund.status === "succeeded" ? "succeeded" : refund.status === "failed" || refund.status === "canceled" ? "failed" : "pending";
  return {
    processorId: refund.id,
    idempotencyKey: refund.metadata?.kassa_refund_id ?? "",
    status,
    amount: BigInt(refund.amount),
    currency: refund.currency,
    failureReason: status === "failed" ? (refund.failure_reason ?? refund.status ?? "failed") : null,
  };
}
