import {
  CheckoutPaymentIntent,
  OrdersCardVerificationMethod,
  PaypalExperienceUserAction,
  PaypalWalletContextShippingPreference,
  type OrderRequest,
} from "@paypal/paypal-server-sdk";
import {
  ConnectorRequestError,
  type AuthorizeInput,
  type CancelInput,
  type CaptureInput,
  type Charge,
  type CompleteAuthenticationInput,
  type ConnectorContext,
  type RefundInput,
  type RefundResult,
  type RetrieveInput,
  type RetrieveRefundInput,
} from "../types";
import type { PayPalApi } from "./client";
import { isNotFound, toConnectorError } from "./errors";
import { canceledUrl, walletCanceled, walletDeclined } from "../wallet";
import { customId, ownedBy, parseCustomId, requestId } from "./keys";
import { toCharge, toMoney, toRefundResult, type OrderView } from "./map";
import type { PayPalOrderIndex } from "./order-index";
import { paypalTestCard } from "./test-cards";

export interface PayPalDeps {
  api: () => PayPalApi;
  orders: PayPalOrderIndex;
}

/** Every call asks for the whole object: PayPal's default (return=minimal) answers id, status and links only. */
const FULL = "return=representation";

async function call<T>(deps: PayPalDeps, operation: string, fn: (api: PayPalApi) => Promise<{ result: T }>): Promise<T> {
  const api = deps.api();
  try {
    return (await fn(api)).result;
  } catch (error) {
    throw toConnectorError(error, operation, api);
  }
}

const readOrder = (deps: PayPalDeps, id: string) => call(deps, "retrieve", (api) => api.orders.getOrder({ id }));

/**
 * One order, created and paid at once (PayPal's single-step create with `payment_source.card`):
 * intent CAPTURE for automatic capture, AUTHORIZE for manual. PayPal-Request-Id `<attempt>:create`,
 * so a retry after a lost answer gets PayPal's stored answer for the same order, never a second one;
 * invoice_id is the attempt too (PayPal refuses to pay one invoice id twice, the guard once the
 * request id has expired), custom_id the tenant and payment.
 */
export async function authorize(deps: PayPalDeps, ctx: ConnectorContext, input: AuthorizeInput): Promise<Charge> {
  if (input.paymentMethod === "upi" || input.upi)
    throw new ConnectorRequestError("payment_method_unsupported", "PayPal does not take UPI payments.", "payment_method");
  if (input.paymentMethod === "paypal") return authorizeWallet(deps, ctx, input);
  if (ctx.livemode) {
    // Card data never passes through Kassa's API; live cards need PayPal's own card fields (a later slice).
    throw new ConnectorRequestError(
      "payment_method_unsupported",
      "Live card payments on PayPal need PayPal's card fields in the checkout, which Kassa does not offer yet.",
      "payment_method",
    );
  }
  const { card, threeDSecure } = paypalTestCard(input.paymentMethod);
  const sca = threeDSecure || input.requestThreeDSecure === true;
  const body: OrderRequest = {
    ...orderOf(ctx, input),
    paymentSource: {
      card: {
        ...card,
        ...(sca ? { attributes: { verification: { method: OrdersCardVerificationMethod.ScaAlways } } } : {}),
        ...(sca && input.returnUrl ? { experienceContext: { returnUrl: input.returnUrl, cancelUrl: input.returnUrl } } : {}),
      },
    },
  };
  return createOrder(deps, input, body);
}

/** What every order Kassa makes carries: the intent, the amount, the tenant's tag and the attempt as invoice_id. */
function orderOf(ctx: ConnectorContext, input: AuthorizeInput): Omit<OrderRequest, "paymentSource"> {
  return {
    intent: input.captureMethod === "manual" ? CheckoutPaymentIntent.Authorize : CheckoutPaymentIntent.Capture,
    purchaseUnits: [
      {
        referenceId: "default",
        amount: toMoney(input.amount, input.currency),
        customId: customId(ctx, input.paymentId),
        invoiceId: input.idempotencyKey,
        ...(input.description ? { description: input.description.slice(0, 127) } : {}),
      },
    ],
  };
}

/** The create call, with PayPal-Request-Id `<attempt>:create`: a retry is answered from PayPal's store. */
async function createOrder(deps: PayPalDeps, input: AuthorizeInput, body: OrderRequest): Promise<Charge> {
  const order = await call(deps, "authorize", (api) =>
    api.orders.createOrder({ body, paypalRequestId: requestId(input.idempotencyKey, "create"), prefer: FULL }),
  );
  return toCharge(order, { idempotencyKey: input.idempotencyKey });
}

/**
 * The PayPal wallet: an order with `payment_source.paypal`, waiting for the payer's approval on PayPal's
 * page (PAYER_ACTION_REQUIRED, its payer-action link the next action). PayPal sends the payer back to the
 * return URL (or to it marked canceled); Kassa then authorizes or captures the APPROVED order
 * (completeAuthentication, or the CHECKOUT.ORDER.APPROVED webhook when the payer never comes back).
 */
async function authorizeWallet(deps: PayPalDeps, ctx: ConnectorContext, input: AuthorizeInput): Promise<Charge> {
  if (!input.returnUrl)
    throw new ConnectorRequestError("parameter_missing", "A PayPal payment needs return_url: PayPal sends the payer back there.", "return_url");
  const body: OrderRequest = {
    ...orderOf(ctx, input),
    paymentSource: {
      paypal: {
        experienceContext: {
          returnUrl: input.returnUrl,
          cancelUrl: canceledUrl(input.returnUrl),
          userAction: PaypalExperienceUserAction.PayNow,
          shippingPreference: PaypalWalletContextShippingPreference.NoShipping,
        },
      },
    },
  };
  return createOrder(deps, input, body);
}

/**
 * Capture and cancel act on an order id Kassa read from its own payment row; they find the
 * authorization in the order. A capture for less than authorized is final: PayPal releases the rest.
 */
export async function capture(deps: PayPalDeps, _ctx: ConnectorContext, input: CaptureInput): Promise<Charge> {
  const order = await readOrder(deps, input.processorId);
  const authorization = order.purchaseUnits?.[0]?.payments?.authorizations?.at(-1);
  if (!authorization?.id)
    throw new ConnectorRequestError("payment_intent_unexpected_state", `PayPal order ${input.processorId} has no authorization to capture.`);
  await call(deps, "capture", (api) =>
    api.payments.captureAuthorizedPayment({
      authorizationId: authorization.id!,
      body: { amount: toMoney(input.amount, authorization.amount?.currencyCode ?? ""), finalCapture: true },
      paypalRequestId: requestId(input.idempotencyKey, "capture"),
      prefer: FULL,
    }),
  );
  return toCharge(await readOrder(deps, input.processorId));
}

/**
 * Voids the authorization. An order nobody paid yet (the payer never finished 3D Secure) has nothing to
 * void: PayPal lets it expire, and Kassa will not authorize it any more, so it is canceled as it stands.
 */
export async function cancel(deps: PayPalDeps, _ctx: ConnectorContext, input: CancelInput): Promise<Charge> {
  const order = await readOrder(deps, input.processorId);
  const authorization = order.purchaseUnits?.[0]?.payments?.authorizations?.at(-1);
  if (order.status !== "COMPLETED") return { ...toCharge(order), status: "canceled", failure: null, nextAction: null };
  if (!authorization?.id)
    throw new ConnectorRequestError("payment_intent_unexpected_state", `PayPal order ${input.processorId} was captured at once; refund it instead.`);
  await call(deps, "cancel", (api) =>
    api.payments.voidPayment({ authorizationId: authorization.id!, paypalRequestId: requestId(input.idempotencyKey, "void"), prefer: FULL }),
  );
  return toCharge(await readOrder(deps, input.processorId));
}

/** A refund of the order's capture (partial when the amount is less); custom_id carries Kassa's refund id. */
export async function refund(deps: PayPalDeps, ctx: ConnectorContext, input: RefundInput): Promise<RefundResult> {
  const order = await readOrder(deps, input.processorId);
  const captures = order.purchaseUnits?.[0]?.payments?.captures ?? [];
  const captured = captures.filter((c) => c.status === "COMPLETED" || c.status === "PARTIALLY_REFUNDED" || c.status === "REFUNDED").at(-1);
  if (!captured?.id) throw new ConnectorRequestError("payment_intent_unexpected_state", `PayPal order ${input.processorId} has no capture to refund.`);
  const created = await call(deps, "refund", (api) =>
    api.payments.refundCapturedPayment({
      captureId: captured.id!,
      body: { amount: toMoney(input.amount, captured.amount?.currencyCode ?? ""), customId: customId(ctx, input.idempotencyKey) },
      paypalRequestId: requestId(input.idempotencyKey, "refund"),
      prefer: FULL,
    }),
  );
  return toRefundResult(created, input.idempotencyKey);
}

/**
 * By processor id: the order. By idempotency key: the order Kassa recorded for the attempt (see
 * order-index.ts), checked against the order's invoice_id; null when Kassa never learned it, which
 * sends the money path to authorize again with the same key — a PayPal-Request-Id replay.
 */
export async function retrieve(deps: PayPalDeps, ctx: ConnectorContext, input: RetrieveInput): Promise<Charge | null> {
  const id = "processorId" in input ? input.processorId : await deps.orders.orderOf(ctx, input.idempotencyKey);
  if (!id) return null;
  const order = await readOrderOrNull(deps, id);
  if (!order || !ownedBy(ctx, order.purchaseUnits?.[0]?.customId)) return null;
  if ("idempotencyKey" in input && order.purchaseUnits?.[0]?.invoiceId !== input.idempotencyKey) return null;
  return toCharge(order, "idempotencyKey" in input ? { idempotencyKey: input.idempotencyKey } : {});
}

async function readOrderOrNull(deps: PayPalDeps, id: string): Promise<OrderView | null> {
  const api = deps.api();
  try {
    return (await api.orders.getOrder({ id })).result;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw toConnectorError(error, "retrieve", api);
  }
}

/** The order lists its refunds; Kassa's is the one whose custom_id carries the refund id. */
export async function retrieveRefund(deps: PayPalDeps, ctx: ConnectorContext, input: RetrieveRefundInput): Promise<RefundResult | null> {
  if (!input.processorId) return null;
  const refunds = await listRefunds(deps, ctx, { processorId: input.processorId });
  return refunds.find((r) => r.idempotencyKey === input.idempotencyKey) ?? null;
}

export async function listRefunds(deps: PayPalDeps, ctx: ConnectorContext, input: { processorId: string }): Promise<RefundResult[]> {
  const order = await readOrderOrNull(deps, input.processorId);
  if (!order) return [];
  return (order.purchaseUnits?.[0]?.payments?.refunds ?? []).filter((r) => ownedBy(ctx, r.customId)).map((r) => toRefundResult(r));
}

/**
 * After the payer's step on PayPal's page (3D Secure for a card): an APPROVED order is authorized or
 * captured now, with PayPal-Request-Id `<attempt>:authorize` / `:capture` (the attempt is the order's
 * invoice_id), so a repeated call replays. A failed 3DS, a finished or still-waiting order is answered
 * as it stands. `outcome` is the sandbox's own 3DS page; PayPal reports the result on the order.
 */
export async function completeAuthentication(deps: PayPalDeps, ctx: ConnectorContext, input: CompleteAuthenticationInput): Promise<Charge> {
  const order = await readOrder(deps, input.processorId);
  if (!ownedBy(ctx, order.purchaseUnits?.[0]?.customId)) throw new ConnectorRequestError("resource_missing", `No such PayPal order: '${input.processorId}'`);
  const current = toCharge(order);
  // The payer canceled on PayPal's page (or gave up): the unpaid order is left to expire, nothing was charged.
  if (input.outcome === "fail" && order.paymentSource?.paypal && order.status !== "COMPLETED")
    return { ...current, status: "failed", failure: walletCanceled(), nextAction: null };
  if (order.status !== "APPROVED" || current.status === "failed" || input.outcome === "fail") return current;
  const key = order.purchaseUnits?.[0]?.invoiceId ?? parseCustomId(order.purchaseUnits?.[0]?.customId)?.kassaId ?? input.processorId;
  try {
    const paid =
      order.intent === "AUTHORIZE"
        ? await call(deps, "authorize", (api) =>
            api.orders.authorizeOrder({ id: input.processorId, paypalRequestId: requestId(key, "authorize"), prefer: FULL }),
          )
        : await call(deps, "capture", (api) => api.orders.captureOrder({ id: input.processorId, paypalRequestId: requestId(key, "capture"), prefer: FULL }));
    return toCharge(paid);
  } catch (error) {
    // The funding the payer chose was declined (INSTRUMENT_DECLINED): nothing was paid; the order is left to expire.
    if (error instanceof ConnectorRequestError && error.code === "payment_method_provider_decline" && order.paymentSource?.paypal) {
      return { ...current, status: "failed", nextAction: null, failure: walletDeclined() };
    }
    throw error;
  }
}
