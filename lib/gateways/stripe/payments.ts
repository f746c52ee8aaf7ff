import Stripe from "stripe";
import {
  ConnectorRequestError,
  type AuthorizeInput,
  type CancelInput,
  type CaptureInput,
  type Charge,
  type ConnectorContext,
  type RefundInput,
  type RefundResult,
  type RetrieveInput,
  type RetrieveRefundInput,
} from "../types";
import { cardFailure, isNotFound, toConnectorError } from "./errors";
import { ensureStripeCustomer } from "./customers";
import { ownedBy, tenantMetadata, type StripeDeps } from "./deps";
import { PI_EXPAND, toCharge, toRefundResult } from "./map";

/**
 * Create and confirm one PaymentIntent. The idempotency key is Kassa's attempt id, so a retry after a
 * lost answer gets Stripe's stored answer for the same PaymentIntent, never a second one. A customer
 * with a saved card and no return_url is charged off-session (merchant-initiated: no 3DS challenge is
 * possible, Stripe declines with authentication_required instead).
 */
export async function authorize(deps: StripeDeps, ctx: ConnectorContext, input: AuthorizeInput): Promise<Charge> {
  const customer = input.customer ? await ensureStripeCustomer(deps, ctx, input.customer) : null;
  const params: Stripe.PaymentIntentCreateParams = {
    amount: Number(input.amount),
    currency: input.currency,
    payment_method: input.paymentMethod,
    capture_method: input.captureMethod,
    confirm: true,
    // Cards only through Kassa's API; without a return_url no redirect-based method may be offered.
    ...(input.returnUrl ? {} : { automatic_payment_methods: { enabled: true, allow_redirects: "never" as const } }),
    metadata: { kassa_payment_id: input.paymentId, kassa_attempt_id: input.idempotencyKey, ...tenantMetadata(ctx) },
    expand: PI_EXPAND,
    ...(customer ? { customer } : {}),
    ...(customer && !input.returnUrl ? { off_session: true } : {}),
    ...(input.description ? { description: input.description } : {}),
    ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
    ...(input.requestThreeDSecure ? { payment_method_options: { card: { request_three_d_secure: "any" as const } } } : {}),
  };
  try {
    const pi = await deps.stripe().paymentIntents.create(params, { idempotencyKey: input.idempotencyKey });
    return toCharge(pi, { idempotencyKey: input.idempotencyKey });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError && error.payment_intent) {
      // A decline: Stripe answers 402 with the PaymentIntent (now requires_payment_method) and the card.
      const pi = { ...error.payment_intent, payment_method: error.payment_method ?? error.payment_intent.payment_method } as Stripe.PaymentIntent;
      return toCharge(pi, { idempotencyKey: input.idempotencyKey, failure: cardFailure(error) });
    }
    throw toConnectorError(error, "authorize");
  }
}

/**
 * Capture and cancel act on a processor id Kassa read from its own payment row (never from a client),
 * so they need no tenant check of their own.
 */
export async function capture(deps: StripeDeps, _ctx: ConnectorContext, input: CaptureInput): Promise<Charge> {
  try {
    const captured = await deps
      .stripe()
      .paymentIntents.capture(
        input.processorId,
        { amount_to_capture: Number(input.amount), ...(input.paymentId ? { metadata: { kassa_payment_id: input.paymentId } } : {}), expand: PI_EXPAND },
        { idempotencyKey: input.idempotencyKey },
      );
    return toCharge(captured);
  } catch (error) {
    throw toConnectorError(error, "capture");
  }
}

/** Stripe's cancel takes no metadata; the PaymentIntent carries kassa_payment_id from its creation. */
export async function cancel(deps: StripeDeps, _ctx: ConnectorContext, input: CancelInput): Promise<Charge> {
  try {
    const canceled = await deps.stripe().paymentIntents.cancel(input.processorId, { expand: PI_EXPAND }, { idempotencyKey: input.idempotencyKey });
    return toCharge(canceled);
  } catch (error) {
    throw toConnectorError(error, "cancel");
  }
}

export async function refund(deps: StripeDeps, ctx: ConnectorContext, input: RefundInput): Promise<RefundResult> {
  const reason = input.reason === "duplicate" || input.reason === "fraudulent" || input.reason === "requested_by_customer" ? input.reason : undefined;
  try {
    const created = await deps.stripe().refunds.create(
      {
        payment_intent: input.processorId,
        amount: Number(input.amount),
        ...(reason ? { reason } : {}),
        metadata: { kassa_refund_id: input.idempotencyKey, ...(input.paymentId ? { kassa_payment_id: input.paymentId } : {}), ...tenantMetadata(ctx) },
      },
      { idempotencyKey: input.idempotencyKey },
    );
    return toRefundResult(created);
  } catch (error) {
    throw toConnectorError(error, "refund");
  }
}

/**
 * By processor id: the PaymentIntent. By idempotency key (Kassa's attempt id): a search on
 * metadata.kassa_attempt_id. Stripe's search can lag a few seconds behind a write, so "not found"
 * means "send it again with the same key" — which Stripe answers from its idempotency store for 24 h
 * (one PaymentIntent either way); the search is what finds it after that.
 */
export async function retrieve(deps: StripeDeps, ctx: ConnectorContext, input: RetrieveInput): Promise<Charge | null> {
  try {
    if ("processorId" in input) {
      const pi = await deps.stripe().paymentIntents.retrieve(input.processorId, { expand: PI_EXPAND });
      return ownedBy(ctx, pi.metadata) ? toCharge(pi) : null;
    }
    const found = await deps.stripe().paymentIntents.search({
      query: `metadata['kassa_attempt_id']:'${input.idempotencyKey.replace(/'/g, "")}'`,
      limit: 1,
      expand: PI_EXPAND.map((p) => `data.${p}`),
    });
    const pi = found.data.find((p) => ownedBy(ctx, p.metadata));
    return pi ? toCharge(pi, { idempotencyKey: input.idempotencyKey }) : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw toConnectorError(error, "retrieve");
  }
}

export async function retrieveRefund(deps: StripeDeps, ctx: ConnectorContext, input: RetrieveRefundInput): Promise<RefundResult | null> {
  if (!input.processorId) return null;
  try {
    for await (const r of deps.stripe().refunds.list({ payment_intent: input.processorId, limit: 100 })) {
      if (r.metadata?.kassa_refund_id === input.idempotencyKey && ownedBy(ctx, r.metadata)) return toRefundResult(r);
    }
    return null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw toConnectorError(error, "retrieve refund");
  }
}

export async function listRefunds(deps: StripeDeps, ctx: ConnectorContext, input: { processorId: string }): Promise<RefundResult[]> {
  const out: RefundResult[] = [];
  try {
    for await (const r of deps.stripe().refunds.list({ payment_intent: input.processorId, limit: 100 }))
      if (ownedBy(ctx, r.metadata)) out.push(toRefundResult(r));
  } catch (error) {
    if (isNotFound(error)) return [];
    throw toConnectorError(error, "list refunds");
  }
  return out;
}

/**
 * Not applicable to Stripe: the customer completes 3D Secure with Stripe itself (Stripe.js
 * handleNextAction or the redirect in next_action), and Stripe reports the result by webhook
 * (payment_intent.succeeded / amount_capturable_updated / payment_failed), which Kassa applies.
 */
export async function completeAuthentication(): Promise<Charge> {
  throw new ConnectorRequestError(
    "payment_intent_unexpected_state",
    "Stripe runs 3D Secure itself (Stripe.js or its redirect); the result arrives by webhook, not through Kassa's authentication page.",
  );
}
