import { createHash } from "node:crypto";
import type { CardResponse, LinkDescription, Money, PaypalWalletResponse, PurchaseUnit, Refund } from "@paypal/paypal-server-sdk";
import { fromDecimalString, toDecimalString } from "@/lib/money";
import {
  ConnectorRequestError,
  ConnectorUnknownOutcomeError,
  type CardDetails,
  type Charge,
  type ChargeStatus,
  type PayPalChargeDetails,
  type RefundResult,
} from "../types";
import { authenticationFailure, declineFailure } from "./errors";
import { parseCustomId } from "./keys";

/** What Kassa reads of an order (the SDK's Order and OrderAuthorizeResponse both have it). */
export interface OrderView {
  id?: string;
  intent?: string;
  status?: string;
  createTime?: string;
  paymentSource?: { card?: CardResponse; paypal?: PaypalWalletResponse };
  purchaseUnits?: PurchaseUnit[];
  links?: LinkDescription[];
}

/** The currencies PayPal accepts (its currency-codes reference); HUF and TWD without decimals. */
const PAYPAL_CURRENCIES = new Set([
  "aud", "brl", "cad", "cny", "czk", "dkk", "eur", "hkd", "huf", "ils", "jpy", "myr", "mxn", "twd", "nzd", "nok", "php", "pln", "gbp", "sgd", "sek", "chf", "thb", "usd",
]); // prettier-ignore
const WHOLE_UNITS_ONLY = new Set(["huf", "twd"]);

/** Whether PayPal takes payments in this currency (lowercase ISO 4217). */
export const paypalAccepts = (currency: string): boolean => PAYPAL_CURRENCIES.has(currency.toLowerCase());

/** Kassa's minor units as PayPal's Money; refuses what PayPal would refuse before anything is sent. */
export function toMoney(amount: bigint, currency: string): Money {
  const c = currency.toLowerCase();
  if (!PAYPAL_CURRENCIES.has(c)) throw new ConnectorRequestError("currency_unsupported", `PayPal does not accept ${c.toUpperCase()}.`, "currency");
  if (WHOLE_UNITS_ONLY.has(c)) {
    if (amount % 100n !== 0n) throw new ConnectorRequestError("parameter_invalid", `PayPal takes ${c.toUpperCase()} in whole units only.`, "amount");
    return { currencyCode: c.toUpperCase(), value: (amount / 100n).toString() };
  }
  return { currencyCode: c.toUpperCase(), value: toDecimalString(amount, c) };
}

export function fromMoney(money: Money | undefined): bigint {
  if (!money) return 0n;
  const c = money.currencyCode.toLowerCase();
  return WHOLE_UNITS_ONLY.has(c) ? BigInt(money.value.split(".")[0]!) * 100n : fromDecimalString(money.value, c);
}

const PAID_CAPTURE = new Set(["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"]);
const sum = (items: { amount?: Money }[]) => items.reduce((total, i) => total + fromMoney(i.amount), 0n);

/**
 * An order as Kassa's Charge. The order id is the processor id: capture, void and refund find the
 * authorization or capture in it. A pending authorization or capture (PayPal's review) is not an
 * outcome yet: ConnectorUnknownOutcomeError, so the money path asks again later.
 */
export function toCharge(order: OrderView, fallback: { idempotencyKey?: string } = {}): Charge {
  const unit = order.purchaseUnits?.[0];
  const payments = unit?.payments;
  const authorization = payments?.authorizations?.at(-1);
  const captures = payments?.captures ?? [];
  const refunds = (payments?.refunds ?? []).filter((r) => r.status === "COMPLETED" || r.status === "PENDING");
  const capture = captures.at(-1);
  const card = order.paymentSource?.card;
  const amount = fromMoney(unit?.amount);
  const amountCaptured = sum(captures.filter((c) => PAID_CAPTURE.has(c.status ?? "")));
  const id = order.id ?? "";

  let status: ChargeStatus;
  let responseCode: string | undefined;
  let nextAction: Charge["nextAction"] = null;
  const authenticated = card?.authenticationResult?.threeDSecure?.authenticationStatus;
  switch (order.status) {
    case "PAYER_ACTION_REQUIRED":
    case "CREATED":
    case "SAVED": {
      status = "requires_action";
      const url = order.links?.find((l) => l.rel === "payer-action" || l.rel === "approve")?.href;
      if (url) nextAction = { type: "redirect_to_url", redirectToUrl: { url, returnUrl: null } };
      break;
    }
    case "APPROVED":
      // The payer is done; Kassa authorizes or captures next (completeAuthentication) — unless 3DS failed.
      status = authenticated && authenticated !== "Y" && authenticated !== "A" ? "failed" : "requires_action";
      break;
    case "VOIDED":
      status = "canceled";
      break;
    case "COMPLETED":
      if (order.intent === "AUTHORIZE") {
        switch (authorization?.status) {
          case "CREATED":
            status = "requires_capture";
            break;
          case "CAPTURED":
          case "PARTIALLY_CAPTURED":
            status = "succeeded";
            break;
          case "VOIDED":
            status = amountCaptured > 0n ? "succeeded" : "canceled";
            break;
          case "DENIED":
            status = "failed";
            responseCode = authorization.processorResponse?.responseCode;
            break;
          default:
            throw new ConnectorUnknownOutcomeError(`PayPal order ${id}: authorization ${authorization?.status ?? "missing"}; ask again later.`);
        }
      } else if (capture && PAID_CAPTURE.has(capture.status ?? "")) {
        status = "succeeded";
      } else if (capture?.status === "DECLINED" || capture?.status === "FAILED") {
        status = "failed";
        responseCode = capture.processorResponse?.responseCode;
      } else {
        throw new ConnectorUnknownOutcomeError(`PayPal order ${id}: capture ${capture?.status ?? "missing"}; ask again later.`);
      }
      break;
    default:
      throw new ConnectorUnknownOutcomeError(`PayPal order ${id} is ${order.status ?? "unknown"}; ask again later.`);
  }
  const failure = status !== "failed" ? null : order.status === "APPROVED" ? authenticationFailure() : declineFailure(responseCode);
  const tag = parseCustomId(unit?.customId);
  return {
    processorId: id,
    idempotencyKey: unit?.invoiceId ?? fallback.idempotencyKey ?? "",
    paymentId: tag?.kassaId ?? "",
    status,
    captureMethod: order.intent === "AUTHORIZE" ? "manual" : "automatic",
    amount,
    amountCapturable: status === "requires_capture" ? fromMoney(authorization?.amount) : 0n,
    amountCaptured,
    amountRefunded: sum(refunds),
    currency: (unit?.amount?.currencyCode ?? "").toLowerCase(),
    paymentMethod: order.paymentSource?.paypal
      ? { id: "paypal", type: "paypal", paypal: payerOf(order.paymentSource.paypal) }
      : { id: "card", type: "card", card: cardOf(card) },
    failure,
    nextAction,
    riskLevel: failure?.type === "fraud" ? "highest" : "normal",
    created: order.createTime ? new Date(order.createTime) : new Date(0),
    clientSecret: null,
  };
}

/** The PayPal account on a wallet order (empty until the payer approved it). */
export function payerOf(wallet: PaypalWalletResponse): PayPalChargeDetails {
  const name = [wallet.name?.givenName, wallet.name?.surname].filter(Boolean).join(" ");
  return { payerId: wallet.accountId ?? null, payerEmail: wallet.emailAddress ?? null, payerName: name || null, country: wallet.address?.countryCode ?? null };
}

const BRANDS: Record<string, string> = {
  VISA: "visa",
  MASTERCARD: "mastercard",
  AMEX: "amex",
  DISCOVER: "discover",
  DINERS: "diners",
  JCB: "jcb",
  CHINA_UNION_PAY: "unionpay",
};

/**
 * PayPal shows a card's brand, last digits, expiry and type; it has no fingerprint, so one is derived
 * from what it shows (weaker than Stripe's: two cards with the same brand, last4 and expiry collide).
 */
export function cardOf(card: CardResponse | undefined): CardDetails {
  const brand = BRANDS[card?.brand ?? ""] ?? (card?.brand ?? "unknown").toLowerCase();
  const last4 = card?.lastDigits ?? "";
  const [year, month] = (card?.expiry ?? "").split("-").map(Number);
  return {
    brand,
    last4,
    expMonth: month || 0,
    expYear: year || 0,
    fingerprint: card
      ? createHash("sha256")
          .update(`paypal:${brand}:${last4}:${card.expiry ?? ""}`)
          .digest("hex")
          .slice(0, 16)
      : "",
    country: card?.binDetails?.binCountryCode ?? null,
    funding: card?.type === "CREDIT" ? "credit" : card?.type === "DEBIT" ? "debit" : card?.type === "PREPAID" ? "prepaid" : "unknown",
  };
}

export function toRefundResult(refund: Refund, fallbackKey = ""): RefundResult {
  const status = refund.status === "COMPLETED" ? "succeeded" : refund.status === "PENDING" ? "pending" : "failed";
  return {
    processorId: refund.id ?? "",
    idempotencyKey: parseCustomId(refund.customId)?.kassaId ?? fallbackKey,
    status,
    amount: fromMoney(refund.amount),
    currency: (refund.amount?.currencyCode ?? "").toLowerCase(),
    failureReason: status === "failed" ? (refund.statusDetails?.reason ?? refund.status ?? "failed") : null,
  };
}
