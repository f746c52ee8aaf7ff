import type { FormParams, FormValue } from "./form";
import { cardHash, fixture, knownTestCard, now, stripeError, stripeId, type StripeObject } from "./objects";

/** What the simulated Stripe answers: a status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

/** Stripe's state in the double. Tests may read it and change it directly (e.g. a dispute's status). */
export class StripeState {
  paymentIntents = new Map<string, StripeObject>();
  charges = new Map<string, StripeObject>();
  refunds = new Map<string, StripeObject>();
  customers = new Map<string, StripeObject>();
  paymentMethods = new Map<string, StripeObject>();
  setupIntents = new Map<string, StripeObject>();
  disputes = new Map<string, StripeObject>();
  /** Events of every state change, oldest first (what Stripe would deliver to a webhook endpoint). */
  events: StripeObject[] = [];

  emit(type: string, object: StripeObject, previous?: Record<string, unknown>): StripeObject {
    const event = fixture("event", {
      id: stripeId("evt"),
      api_version: "2026-10-28.endive",
      created: now(),
      type,
      livemode: false,
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
    });
    this.events.push(event);
    return event;
  }
}

const str = (v: FormValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);
const int = (v: FormValue | undefined): number | undefined => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);
const bool = (v: FormValue | undefined) => v === "true";
const meta = (v: FormValue | undefined) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, string>) : {});

const missing = (id: string, kind: string, param = "id") =>
  stripeError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param });
const invalid = (code: string, message: string, param?: string) => stripeError(400, { type: "invalid_request_error", code, message, ...(param ? { param } : {}) });
const ok = (body: unknown): Answer => ({ status: 200, body });

/** A card-ish payment method: a saved `pm_…` of the double or one of Stripe's test tokens. */
function resolvePaymentMethod(s: StripeState, id: string): { pm: StripeObject; card: NonNullable<ReturnType<typeof knownTestCard>> } | null {
  const saved = s.paymentMethods.get(id);
  if (saved) return { pm: saved, card: knownTestCard(String(saved.test_card))! };
  const card = knownTestCard(id);
  if (!card) return null;
  return { pm: newPaymentMethod(s, id), card };
}

function newPaymentMethod(s: StripeState, token: string): StripeObject {
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

const DECLINES: Record<string, { code: string; decline_code: string | null; message: string }> = {
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
function confirm(s: StripeState, pi: StripeObject, params: FormParams): Answer {
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
  const decline = DECLINES[card.behaviour] ?? (card.behaviour === "authentication_required" && offSession
    ? { code: "authentication_required", decline_code: "authentication_required", message: "Your card was declined. This transaction requires authentication." }
    : undefined);
  if (decline) {
    const charge = newCharge(s, pi, pm, { status: "failed", paid: false, failure_code: decline.code, failure_message: decline.message, outcome: { type: "issuer_declined", risk_level: card.behaviour === "fraud_blocked" ? "highest" : "normal", reason: decline.decline_code } });
    const error = { type: "card_error", code: decline.code, decline_code: decline.decline_code ?? undefined, message: decline.message, charge: charge.id, payment_method: publicPm(pm), doc_url: `https://stripe.com/docs/error-codes/${decline.code}` };
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

function expand(s: StripeState, object: StripeObject, params: FormParams): StripeObject {
  const paths = Array.isArray(params.expand) ? (params.expand as string[]) : [];
  const out = structuredClone(object);
  for (const p of paths) {
    if (p === "latest_charge" && typeof out.latest_charge === "string") out.latest_charge = structuredClone(s.charges.get(out.latest_charge)) ?? null;
    if (p === "payment_method" && typeof out.payment_method === "string") {
      const pm = s.paymentMethods.get(out.payment_method);
      out.payment_method = pm ? publicPm(pm) : null;
    }
  }
  delete out.test_card;
  return out;
}

/** One request to the simulated API. `path` is without the /v1 prefix. */
export function handle(s: StripeState, method: string, path: string, params: FormParams): Answer {
  const parts = path.split("/").filter(Boolean);
  const [resource, id, action] = parts;
  const r = <T extends StripeObject | undefined>(obj: T) => (obj ? ok(expand(s, obj, params)) : null);

  if (resource === "payment_intents") {
    if (method === "GET" && id === "search") {
      const m = /^metadata\['([^']+)'\]:'([^']*)'$/.exec(str(params.query) ?? "");
      if (!m) return invalid("parameter_invalid", "Unsupported search query.", "query");
      const data = [...s.paymentIntents.values()].filter((pi) => (pi.metadata as Record<string, string>)[m[1]!] === m[2]).map((pi) => expand(s, pi, params));
      return ok({ object: "search_result", data, has_more: false, next_page: null, url: "/v1/payment_intents/search" });
    }
    if (method === "POST" && !id) {
      const amount = int(params.amount);
      if (amount === undefined) return invalid("parameter_missing", "Missing required param: amount.", "amount");
      if (!str(params.currency)) return invalid("parameter_missing", "Missing required param: currency.", "currency");
      const customer = str(params.customer) ?? null;
      if (customer && !s.customers.has(customer)) return missing(customer, "customer", "customer");
      const pi = fixture("payment_intent", {
        id: stripeId("pi"),
        amount,
        amount_capturable: 0,
        amount_received: 0,
        capture_method: str(params.capture_method) ?? "automatic_async",
        currency: str(params.currency),
        customer,
        description: str(params.description) ?? null,
        metadata: meta(params.metadata),
        created: now(),
        status: "requires_payment_method",
        canceled_at: null,
        last_payment_error: null,
        next_action: null,
        latest_charge: null,
        payment_method: null,
        transfer_data: null,
        setup_future_usage: str(params.setup_future_usage) ?? null,
      });
      pi.client_secret = `${pi.id}_secret_${stripeId("x").slice(2, 20)}`;
      s.paymentIntents.set(pi.id, pi);
      s.emit("payment_intent.created", pi);
      if (!bool(params.confirm)) return ok(expand(s, pi, params));
      const answer = confirm(s, pi, params);
      return answer.status === 200 ? ok(expand(s, pi, params)) : answer;
    }
    const pi = id ? s.paymentIntents.get(id) : undefined;
    if (!pi) return missing(id ?? "", "payment_intent");
    if (method === "GET" && !action) return r(pi)!;
    if (method === "POST" && action === "confirm") {
      const answer = confirm(s, pi, params);
      return answer.status === 200 ? ok(expand(s, pi, params)) : answer;
    }
    if (method === "POST" && action === "capture") {
      if (pi.status !== "requires_capture") return invalid("payment_intent_unexpected_state", `This PaymentIntent could not be captured because it has a status of ${String(pi.status)}.`);
      const toCapture = int(params.amount_to_capture) ?? (pi.amount_capturable as number);
      if (toCapture > (pi.amount_capturable as number)) return invalid("amount_too_large", "The amount to capture is greater than the amount capturable.", "amount_to_capture");
      const charge = s.charges.get(String(pi.latest_charge))!;
      Object.assign(charge, { captured: true, amount_captured: toCapture });
      Object.assign(pi, { status: "succeeded", amount_received: toCapture, amount_capturable: 0 });
      s.emit("payment_intent.succeeded", pi);
      if (knownTestCard(String(s.paymentMethods.get(String(pi.payment_method))?.test_card))?.behaviour === "create_dispute") openDispute(s, pi);
      return r(pi)!;
    }
    if (method === "POST" && action === "cancel") {
      if (pi.status === "succeeded" || pi.status === "canceled") {
        return invalid("payment_intent_unexpected_state", `You cannot cancel this PaymentIntent because it has a status of ${String(pi.status)}.`);
      }
      Object.assign(pi, { status: "canceled", canceled_at: now(), cancellation_reason: str(params.cancellation_reason) ?? null, amount_capturable: 0, next_action: null });
      s.emit("payment_intent.canceled", pi);
      return r(pi)!;
    }
    if (method === "POST" && !action) {
      // An update: only metadata and description are simulated.
      if (params.metadata) pi.metadata = { ...(pi.metadata as object), ...meta(params.metadata) };
      if (str(params.description) !== undefined) pi.description = str(params.description);
      return r(pi)!;
    }
  }

  if (resource === "refunds") {
    if (method === "POST" && !id) {
      const piId = str(params.payment_intent);
      const pi = piId ? s.paymentIntents.get(piId) : undefined;
      if (!pi) return missing(piId ?? "", "payment_intent", "payment_intent");
      if (pi.status !== "succeeded") return invalid("charge_not_captured", "This PaymentIntent has no captured charge to refund.");
      const charge = s.charges.get(String(pi.latest_charge))!;
      const left = (charge.amount_captured as number) - (charge.amount_refunded as number);
      if (left <= 0) return invalid("charge_already_refunded", `Charge ${charge.id} has already been refunded.`);
      const amount = int(params.amount) ?? left;
      if (amount > left) return invalid("amount_too_large", `Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`, "amount");
      const refund = fixture("refund", {
        id: stripeId("re"),
        amount,
        charge: charge.id,
        payment_intent: pi.id,
        currency: pi.currency,
        created: now(),
        metadata: meta(params.metadata),
        reason: str(params.reason) ?? null,
        status: "succeeded",
      });
      s.refunds.set(refund.id, refund);
      charge.amount_refunded = (charge.amount_refunded as number) + amount;
      charge.refunded = charge.amount_refunded === charge.amount_captured;
      s.emit("refund.created", refund);
      s.emit("charge.refunded", charge);
      return ok(refund);
    }
    if (method === "GET" && !id) {
      const pi = str(params.payment_intent);
      const data = [...s.refunds.values()].filter((x) => !pi || x.payment_intent === pi).reverse();
      return ok({ object: "list", data, has_more: false, url: "/v1/refunds" });
    }
    const refund = id ? s.refunds.get(id) : undefined;
    if (!refund) return missing(id ?? "", "refund");
    if (method === "GET") return ok(refund);
  }

  if (resource === "customers") {
    if (method === "POST" && !id) {
      const customer = fixture("customer", {
        id: stripeId("cus"),
        created: now(),
        email: str(params.email) ?? null,
        name: str(params.name) ?? null,
        description: str(params.description) ?? null,
        metadata: meta(params.metadata),
        discount: null,
        invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      });
      s.customers.set(customer.id, customer);
      s.emit("customer.created", customer);
      return ok(customer);
    }
    const customer = id ? s.customers.get(id) : undefined;
    if (!customer) return missing(id ?? "", "customer");
    if (method === "GET" && action === "payment_methods") {
      const data = [...s.paymentMethods.values()].filter((pm) => pm.customer === customer.id).map(publicPm);
      return ok({ object: "list", data, has_more: false, url: `/v1/customers/${customer.id}/payment_methods` });
    }
    if (method === "GET" && !action) return ok(customer);
    if (method === "POST" && !action) {
      for (const k of ["email", "name", "description"] as const) if (str(params[k]) !== undefined) customer[k] = str(params[k]) || null;
      if (params.metadata) customer.metadata = { ...(customer.metadata as object), ...meta(params.metadata) };
      const settings = params.invoice_settings as Record<string, FormValue> | undefined;
      if (settings && "default_payment_method" in settings) {
        (customer.invoice_settings as Record<string, unknown>).default_payment_method = str(settings.default_payment_method) || null;
      }
      s.emit("customer.updated", customer);
      return ok(customer);
    }
    if (method === "DELETE") {
      s.customers.delete(customer.id);
      for (const pm of s.paymentMethods.values()) if (pm.customer === customer.id) pm.customer = null;
      s.emit("customer.deleted", customer);
      return ok(fixture("deleted_customer", { id: customer.id }));
    }
  }

  if (resource === "payment_methods") {
    // Attaching one of Stripe's test tokens makes a new PaymentMethod, as in Stripe's test mode.
    const pm = id ? (s.paymentMethods.get(id) ?? (method === "POST" && action === "attach" && knownTestCard(id) ? newPaymentMethod(s, id) : undefined)) : undefined;
    if (!pm) return missing(id ?? "", "PaymentMethod");
    if (method === "GET" && !action) return ok(publicPm(pm));
    if (method === "POST" && action === "attach") {
      const customer = str(params.customer);
      if (!customer || !s.customers.has(customer)) return missing(customer ?? "", "customer", "customer");
      if (pm.customer && pm.customer !== customer) return invalid("payment_method_unexpected_state", "This PaymentMethod is attached to another customer.");
      pm.customer = customer;
      s.emit("payment_method.attached", publicPm(pm));
      return ok(publicPm(pm));
    }
    if (method === "POST" && action === "detach") {
      if (!pm.customer) return invalid("payment_method_unexpected_state", "The payment method you provided is not attached to a customer so detachment is impossible.");
      pm.customer = null;
      s.emit("payment_method.detached", publicPm(pm));
      return ok(publicPm(pm));
    }
  }

  if (resource === "setup_intents") {
    if (method === "POST" && !id) {
      const customer = str(params.customer) ?? null;
      if (customer && !s.customers.has(customer)) return missing(customer, "customer", "customer");
      const seti = fixture("setup_intent", {
        id: stripeId("seti"),
        created: now(),
        customer,
        metadata: meta(params.metadata),
        usage: str(params.usage) ?? "off_session",
        status: "requires_payment_method",
        last_setup_error: null,
        next_action: null,
        payment_method: null,
      });
      seti.client_secret = `${seti.id}_secret_${stripeId("x").slice(2, 20)}`;
      s.setupIntents.set(seti.id, seti);
      const pmToken = str(params.payment_method);
      if (!bool(params.confirm) || !pmToken) return ok(seti);
      const resolved = resolvePaymentMethod(s, pmToken);
      if (!resolved) return missing(pmToken, "PaymentMethod", "payment_method");
      const decline = DECLINES[resolved.card.behaviour];
      if (decline) {
        const error = { type: "card_error", code: decline.code, decline_code: decline.decline_code ?? undefined, message: decline.message };
        Object.assign(seti, { status: "requires_payment_method", last_setup_error: error });
        s.emit("setup_intent.setup_failed", seti);
        return stripeError(402, { ...error, setup_intent: structuredClone(seti) });
      }
      seti.payment_method = resolved.pm.id;
      if (customer) resolved.pm.customer = customer;
      if (resolved.card.behaviour === "authentication_required" && resolved.card.paymentMethods.includes("pm_card_authenticationRequiredOnSetup")) {
        Object.assign(seti, { status: "requires_action", next_action: { type: "use_stripe_sdk", use_stripe_sdk: {} } });
        return ok(expand(s, seti, params));
      }
      seti.status = "succeeded";
      s.emit("setup_intent.succeeded", seti);
      return ok(expand(s, seti, params));
    }
    const seti = id ? s.setupIntents.get(id) : undefined;
    if (!seti) return missing(id ?? "", "setup_intent");
    if (method === "GET") return ok(expand(s, seti, params));
  }

  if (resource === "disputes") {
    const dispute = id ? s.disputes.get(id) : undefined;
    if (!dispute) return missing(id ?? "", "dispute");
    if (method === "GET") return ok(dispute);
    if (method === "POST" && !action) {
      if (!["needs_response", "warning_needs_response"].includes(String(dispute.status))) {
        return invalid("dispute_already_closed_or_submitted", "This dispute is already closed or under review.");
      }
      const evidence = (params.evidence ?? {}) as Record<string, FormValue>;
      dispute.evidence = { ...(dispute.evidence as object), ...evidence };
      const details = dispute.evidence_details as Record<string, unknown>;
      details.has_evidence = true;
      if (params.submit === undefined || bool(params.submit)) {
        details.submission_count = (details.submission_count as number) + 1;
        dispute.status = dispute.status === "warning_needs_response" ? "warning_under_review" : "under_review";
      }
      s.emit("charge.dispute.updated", dispute);
      return ok(dispute);
    }
  }

  return { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: /v1/${path}).` } } };
}
