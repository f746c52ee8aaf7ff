import { brandOf, expired, luhnValid, REJECTION_TRIGGERS } from "./cards";
import { invalidRequest, notFound, unprocessable, type Answer } from "./errors";
import { renderOrder, type Renderer } from "./render";
import { isoNow, NO_DECIMALS, paypalId, type Authorization, type Capture, type Money, type Order, type ProcessorResponse } from "./state";

/** A handler's answer and the object it made or acted on (what a PayPal-Request-Id replay re-reads). */
export interface Result {
  answer: Answer;
  resource?: { kind: "order" | "authorization" | "capture" | "refund"; id: string };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

const DAY = 86_400_000;
const APPROVED: ProcessorResponse = { avs_code: "Y", cvv_code: "M", response_code: "0000" };

/** An amount as PayPal validates it: a known currency, a positive value with the currency's precision. */
export function checkMoney(v: unknown, field: string): Money | Answer {
  const m = obj(v);
  const currency = str(m.currency_code);
  const value = str(m.value);
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return invalidRequest("INVALID_PARAMETER_VALUE", "The value of a field is invalid.", `${field}/currency_code`);
  if (!value || !/^\d{1,10}(\.\d{1,2})?$/.test(value))
    return invalidRequest("INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.", `${field}/value`, value ?? "");
  if (NO_DECIMALS.has(currency) && value.includes(".")) {
    return unprocessable("DECIMAL_PRECISION", "If the currency supports decimals, only two decimal place precision is supported.", "orders", `${field}/value`);
  }
  if (Number(value) <= 0) return unprocessable("AMOUNT_MUST_BE_POSITIVE", "The amount must be a positive number.", "orders", `${field}/value`);
  return { currency_code: currency, value };
}

const isAnswer = (v: unknown): v is Answer => typeof v === "object" && v !== null && "status" in v;

/** POST /v2/checkout/orders — with `payment_source.card` the order is paid at once (PayPal's single-step create). */
export function createOrder(r: Renderer, body: Json, representation: boolean): Result {
  const intent = body.intent;
  if (intent !== "CAPTURE" && intent !== "AUTHORIZE")
    return { answer: invalidRequest("INVALID_PARAMETER_VALUE", "The value of a field is invalid.", "/intent") };
  const pus = Array.isArray(body.purchase_units) ? body.purchase_units : [];
  if (pus.length !== 1) return { answer: invalidRequest("INVALID_ARRAY_LENGTH", "The double takes exactly one purchase unit.", "/purchase_units") };
  const pu = obj(pus[0]);
  const amount = checkMoney(pu.amount, "/purchase_units/@reference_id=='default'/amount");
  if (isAnswer(amount)) return { answer: amount };
  const now = isoNow();
  const order: Order = {
    id: paypalId(),
    intent,
    status: "CREATED",
    amount,
    reference_id: str(pu.reference_id) ?? "default",
    description: str(pu.description),
    custom_id: str(pu.custom_id),
    invoice_id: str(pu.invoice_id),
    soft_descriptor: str(pu.soft_descriptor),
    source: null,
    authorizations: [],
    captures: [],
    create_time: now,
    update_time: now,
  };
  const source = obj(body.payment_source);
  if (source.card) {
    const card = obj(source.card);
    const number = str(card.number) ?? "";
    const expiry = str(card.expiry) ?? "";
    if (!luhnValid(number)) return { answer: invalidRequest("INVALID_PARAMETER_VALUE", "The value of a field is invalid.", "/payment_source/card/number") };
    if (!/^\d{4}-\d{2}$/.test(expiry))
      return {
        answer: invalidRequest("INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.", "/payment_source/card/expiry"),
      };
    if (expired(expiry)) return { answer: unprocessable("CARD_EXPIRED", "The card is expired.", "orders", "/payment_source/card/expiry") };
    const method = str(obj(obj(card.attributes).verification).method);
    const ctx = obj(card.experience_context);
    order.source = {
      kind: "card",
      name: str(card.name),
      last_digits: number.slice(-4),
      ...brandOf(number),
      expiry,
      number,
      sca: method === "SCA_ALWAYS" || method === "3D_SECURE",
      authentication: null,
      return_url: str(ctx.return_url),
      cancel_url: str(ctx.cancel_url),
    };
    if (order.source.sca) order.status = "PAYER_ACTION_REQUIRED";
    else {
      const paid = pay(r, order);
      if (paid) return { answer: paid };
    }
  } else if (source.paypal) {
    const ctx = obj(obj(source.paypal).experience_context);
    order.source = { kind: "paypal", payer: null, funding: "ok", return_url: str(ctx.return_url), cancel_url: str(ctx.cancel_url) };
    order.status = "PAYER_ACTION_REQUIRED";
  } else if (Object.keys(source).length) {
    return { answer: invalidRequest("INVALID_PARAMETER_VALUE", "The double knows payment_source card and paypal only.", "/payment_source") };
  }
  r.state.orders.set(order.id, order);
  return { answer: { status: 201, body: renderOrder(r, order, representation) }, resource: { kind: "order", id: order.id } };
}

/**
 * The payment for an order's intent: an authorization or a capture, declined by a rejection trigger.
 * Answers an error (and changes nothing) when PayPal would refuse the payment outright.
 */
function pay(r: Renderer, order: Order): Answer | null {
  const source = order.source;
  if (order.invoice_id && r.state.invoiceUsed(order.invoice_id)) {
    return unprocessable(
      "DUPLICATE_INVOICE_ID",
      "Duplicate Invoice ID detected. To avoid a potential duplicate transaction your account setting requires that Invoice Id be unique for each transaction.",
    );
  }
  if (source?.kind === "paypal" && source.funding === "declined") {
    return unprocessable("INSTRUMENT_DECLINED", "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.");
  }
  const trigger = source?.kind === "card" && source.name ? REJECTION_TRIGGERS[source.name] : undefined;
  const response: ProcessorResponse | null = source?.kind === "card" ? (trigger ? { avs_code: "G", cvv_code: "P", response_code: trigger } : APPROVED) : null;
  const now = isoNow();
  const base = { order_id: order.id, amount: order.amount, invoice_id: order.invoice_id, custom_id: order.custom_id, processor_response: response };
  if (order.intent === "AUTHORIZE") {
    const a: Authorization = {
      ...base,
      id: paypalId(),
      status: trigger ? "DENIED" : "CREATED",
      captures: [],
      expiration_time: new Date(Date.now() + 29 * DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
      create_time: now,
      update_time: now,
    };
    r.state.authorizations.set(a.id, a);
    order.authorizations.push(a.id);
  } else {
    const c: Capture = {
      ...base,
      id: paypalId(),
      authorization_id: null,
      status: trigger ? "DECLINED" : "COMPLETED",
      final_capture: true,
      refunds: [],
      create_time: now,
      update_time: now,
    };
    r.state.captures.set(c.id, c);
    order.captures.push(c.id);
  }
  order.status = "COMPLETED";
  order.update_time = now;
  return null;
}

export function getOrder(r: Renderer, id: string): Result {
  const order = r.state.orders.get(id);
  return order ? { answer: { status: 200, body: renderOrder(r, order) } } : { answer: notFound() };
}

/** POST /v2/checkout/orders/{id}/authorize or /capture: pays an order the payer approved. */
export function payOrder(r: Renderer, id: string, action: "AUTHORIZE" | "CAPTURE", representation: boolean): Result {
  const order = r.state.orders.get(id);
  if (!order) return { answer: notFound() };
  if (order.intent !== action) {
    return {
      answer: unprocessable(
        "ACTION_DOES_NOT_MATCH_INTENT",
        `Order was created with an intent to '${order.intent}'. Please use /v2/checkout/orders/order_id/${order.intent.toLowerCase()} instead.`,
      ),
    };
  }
  if (order.status === "COMPLETED") {
    return action === "CAPTURE"
      ? { answer: unprocessable("ORDER_ALREADY_CAPTURED", "Order already captured. If 'intent=CAPTURE' only one capture per order is allowed.") }
      : { answer: unprocessable("ORDER_ALREADY_AUTHORIZED", "Order already authorized. If 'intent=AUTHORIZE' only one authorization per order is allowed.") };
  }
  if (order.status !== "APPROVED") {
    return {
      answer: unprocessable(
        "ORDER_NOT_APPROVED",
        "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
      ),
    };
  }
  const refused = pay(r, order);
  if (refused) return { answer: refused };
  return { answer: { status: 201, body: renderOrder(r, order, representation) }, resource: { kind: "order", id: order.id } };
}

export type PayerOutcome = "approve" | "cancel" | "decline_funding" | "succeed" | "fail";

/**
 * What the payer does on PayPal's pages (the wallet's approval, the card's 3D Secure): the order moves
 * to APPROVED (the merchant then authorizes or captures it) and the browser goes back to the return URL.
 */
export function payerAction(r: Renderer, id: string, outcome: PayerOutcome): { order: Order; redirect: string | null } | null {
  const order = r.state.orders.get(id);
  if (!order || (order.status !== "PAYER_ACTION_REQUIRED" && order.status !== "CREATED")) return null;
  const source = order.source;
  const back = (url: string | null, extra = "") => (url ? `${url}${url.includes("?") ? "&" : "?"}token=${order.id}${extra}` : null);
  if (outcome === "cancel") return { order, redirect: back(source?.cancel_url ?? null) };
  order.update_time = isoNow();
  if (source?.kind === "card") {
    source.authentication = outcome === "fail" ? "N" : "Y";
    order.status = "APPROVED";
    return { order, redirect: back(source.return_url) };
  }
  const payerId = paypalId().slice(0, 13);
  const wallet = source?.kind === "paypal" ? source : { kind: "paypal" as const, payer: null, funding: "ok" as const, return_url: null, cancel_url: null };
  wallet.payer = { email_address: "buyer@example.com", account_id: payerId, name: { given_name: "Test", surname: "Buyer" } };
  wallet.funding = outcome === "decline_funding" ? "declined" : "ok";
  order.source = wallet;
  order.status = "APPROVED";
  return { order, redirect: back(wallet.return_url, `&PayerID=${payerId}`) };
}
