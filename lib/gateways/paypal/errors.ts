import { ApiError, ResponseValidationError } from "@paypal/paypal-server-sdk";
import { ConnectorRequestError, ConnectorUnknownOutcomeError, type ChargeFailure } from "../types";
import type { PayPalApi } from "./client";

/** PayPal's error body: `name`, `message`, `debug_id`, `details[{ issue, description, field }]`. */
interface PayPalErrorBody {
  name?: string;
  message?: string;
  debug_id?: string;
  details?: { issue?: string; description?: string; field?: string }[];
}

/** A refusal's `details[0].issue` in Kassa's error codes (the rest: parameter_invalid or unexpected state). */
const ISSUE_CODES: Record<string, string> = {
  PAYPAL_REQUEST_ID_PREVIOUSLY_USED: "idempotency_key_reused",
  INVALID_RESOURCE_ID: "resource_missing",
  CARD_EXPIRED: "expired_card",
  TRANSACTION_REFUSED: "card_declined",
  INSTRUMENT_DECLINED: "payment_method_provider_decline",
  CURRENCY_NOT_SUPPORTED: "currency_unsupported",
  CURRENCY_MISMATCH: "currency_mismatch",
  REFUND_CAPTURE_CURRENCY_MISMATCH: "currency_mismatch",
  MAX_CAPTURE_AMOUNT_EXCEEDED: "amount_too_large",
  REFUND_AMOUNT_EXCEEDED: "amount_too_large",
  AMOUNT_MUST_BE_POSITIVE: "amount_too_small",
  CAPTURE_FULLY_REFUNDED: "charge_already_refunded",
  AUTHORIZATION_ALREADY_CAPTURED: "payment_intent_unexpected_state",
  PREVIOUSLY_CAPTURED: "payment_intent_unexpected_state",
  PREVIOUSLY_VOIDED: "payment_intent_unexpected_state",
  AUTHORIZATION_VOIDED: "payment_intent_unexpected_state",
  AUTHORIZATION_EXPIRED: "payment_intent_unexpected_state",
  ORDER_ALREADY_CAPTURED: "payment_intent_unexpected_state",
  ORDER_ALREADY_AUTHORIZED: "payment_intent_unexpected_state",
  ORDER_NOT_APPROVED: "payment_intent_unexpected_state",
};

/**
 * PayPal's errors in Kassa's terms (the money path's rules, as lib/gateways/stripe/errors.ts):
 * - 400 / 404 / 422 → ConnectorRequestError: PayPal refused the request and nothing happened (code from
 *   the issue, `param` from its field). One exception: DUPLICATE_INVOICE_ID on a payment means an
 *   earlier send of this very attempt (invoice_id is the attempt's key) was paid after PayPal forgot its
 *   PayPal-Request-Id — an unknown outcome, never "declined";
 * - 401 (the token expired or was revoked: it is dropped and fetched again), 403, 409 (a concurrent
 *   request with the same PayPal-Request-Id), 429, 5xx, network errors, timeouts, a failed token request
 *   and an answer the SDK cannot read → ConnectorUnknownOutcomeError: the caller asks again (retrieve,
 *   then the same PayPal-Request-Id, which PayPal answers from its store).
 */
export function toConnectorError(error: unknown, operation: string, api?: PayPalApi): Error {
  if (error instanceof ConnectorRequestError || error instanceof ConnectorUnknownOutcomeError) return error;
  if (error instanceof ApiError && !(error instanceof ResponseValidationError)) {
    const body = (error.result ?? {}) as PayPalErrorBody;
    const detail = body.details?.[0];
    const issue = detail?.issue ?? body.name ?? "UNKNOWN";
    const status = error.statusCode;
    if (status === 401) api?.forgetToken();
    if (status === 400 || status === 404 || status === 422) {
      if (issue === "DUPLICATE_INVOICE_ID") {
        return new ConnectorUnknownOutcomeError(
          `PayPal ${operation}: this attempt's invoice_id was already paid, but PayPal no longer replays its PayPal-Request-Id; find the order in PayPal's dashboard (debug_id ${body.debug_id ?? "?"}).`,
          { cause: error },
        );
      }
      const code = ISSUE_CODES[issue] ?? (status === 404 ? "resource_missing" : status === 400 ? "parameter_invalid" : "payment_intent_unexpected_state");
      return new ConnectorRequestError(code, detail?.description ?? body.message ?? `PayPal refused the ${operation}.`, paramOf(detail?.field));
    }
    return new ConnectorUnknownOutcomeError(
      `PayPal ${operation}: ${body.name ?? "HTTP"} (${status}, debug_id ${body.debug_id ?? "?"}); retrieve before retrying.`,
      {
        cause: error,
      },
    );
  }
  const tokenError = api?.tokenError();
  if (tokenError && error instanceof Error && /not authorized|OAuth token/i.test(error.message)) {
    return new ConnectorUnknownOutcomeError(`PayPal ${operation}: the OAuth token request failed (${describe(tokenError)}); nothing was sent.`, {
      cause: tokenError,
    });
  }
  if (error instanceof ResponseValidationError) {
    return new ConnectorUnknownOutcomeError(`PayPal ${operation}: PayPal's answer did not match the SDK's schema; retrieve before retrying.`, { cause: error });
  }
  return new ConnectorUnknownOutcomeError(`PayPal ${operation}: ${describe(error)}; retrieve before retrying.`, { cause: error });
}

export const isNotFound = (error: unknown) => error instanceof ApiError && error.statusCode === 404;

function describe(error: unknown): string {
  if (error instanceof ApiError) return `HTTP ${error.statusCode}`;
  const code = (error as { code?: unknown })?.code;
  return error instanceof Error ? `${error.message}${typeof code === "string" ? ` (${code})` : ""}` : String(error);
}

/** `/purchase_units/@reference_id=='default'/amount/value` → `amount`; `/payment_source/card/number` → `payment_method`. */
function paramOf(field: string | undefined): string | null {
  if (!field) return null;
  if (field.includes("payment_source")) return "payment_method";
  if (field.includes("amount")) return "amount";
  if (field.includes("currency")) return "currency";
  return field.split("/").filter(Boolean).pop() ?? null;
}

/**
 * A card's processor response code (PayPal's processor_response.response_code) as Stripe-style
 * code and decline_code, the terms Kassa's payments and its API speak.
 */
const DECLINES: Record<string, Omit<ChargeFailure, "retryable" | "type"> & { type?: ChargeFailure["type"] }> = {
  "0500": { code: "card_declined", declineCode: "do_not_honor", message: "Your card was declined." },
  "5100": { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
  "5120": { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  "5400": { code: "expired_card", declineCode: "expired_card", message: "Your card has expired." },
  "5180": { code: "card_declined", declineCode: "restricted_card", message: "Your card was declined." },
  "1330": { code: "card_declined", declineCode: "invalid_account", message: "Your card was declined." },
  "9500": { code: "card_declined", declineCode: "fraudulent", message: "Your card was declined.", type: "fraud" },
  "9520": { code: "card_declined", declineCode: "lost_card", message: "Your card was declined." },
  "00N7": { code: "incorrect_cvc", declineCode: "incorrect_cvc", message: "Your card's security code is incorrect." },
  "5650": {
    code: "authentication_required",
    declineCode: "authentication_required",
    message: "Your card was declined. This transaction requires authentication.",
  },
};

export function declineFailure(responseCode: string | null | undefined): ChargeFailure {
  const known = (responseCode && DECLINES[responseCode]) || { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." };
  return { ...known, type: known.type ?? "card_error", retryable: false };
}

/** The payer did not pass 3D Secure (PayPal's authentication_result on the card). */
export const authenticationFailure = (): ChargeFailure => ({
  code: "card_declined",
  declineCode: "authentication_failed",
  message: "The cardholder did not complete 3D Secure authentication.",
  retryable: false,
  type: "card_error",
});
