import type { FormParams, FormValue } from "./form";
import {
  bool,
  confirm,
  DECLINES,
  int,
  invalid,
  meta,
  missing,
  newPaymentMethod,
  ok,
  openDispute,
  publicPm,
  resolvePaymentMethod,
  str,
  type Answer,
} from "./behaviour";
import { fixture, knownTestCard, now, stripeError, stripeId, type StripeObject } from "./objects";
import type { StripeState } from "./state";

export { closeDispute, openDispute, publicPm, type Answer } from "./behaviour";
export { StripeState } from "./state";

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
      if (pi.status !== "requires_capture")
        return invalid("payment_intent_unexpected_state", `This PaymentIntent could not be captured because it has a status of ${String(pi.status)}.`);
      const toCapture = int(params.amount_to_capture) ?? (pi.amount_capturable as number);
      if (toCapture > (pi.amount_capturable as number))
        return invalid("amount_too_large", "The amount to capture is greater than the amount capturable.", "amount_to_capture");
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
      Object.assign(pi, {
        status: "canceled",
        canceled_at: now(),
        cancellation_reason: str(params.cancellation_reason) ?? null,
        amount_capturable: 0,
        next_action: null,
      });
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
    const pm = id
      ? (s.paymentMethods.get(id) ?? (method === "POST" && action === "attach" && knownTestCard(id) ? newPaymentMethod(s, id) : undefined))
      : undefined;
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
      if (!pm.customer)
        return invalid("payment_method_unexpected_state", "The payment method you provided is not attached to a customer so detachment is impossible.");
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
