import Stripe from "stripe";
import { ConnectorRequestError, ConnectorUnknownOutcomeError, type ChargeFailure } from "../types";

/**
 * Stripe's errors in Kassa's terms (the money path's rules):
 * - card_error (402) → a ChargeFailure (declined; `processing_error` is retryable with a new attempt);
 * - invalid_request_error / idempotency_error (400/404) → ConnectorRequestError: Stripe refused the request
 *   and nothing happened;
 * - rate limits (429), api_error (5xx), connection errors and timeouts, authentication/permission errors
 *   → ConnectorUnknownOutcomeError: the caller records an unknown outcome and asks again with the same
 *   idempotency key (a 429 or 401 never executed, so sending it again is safe as well).
 */
export function toConnectorError(error: unknown, operation: string): Error {
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeIdempotencyError) {
    const code = error instanceof Stripe.errors.StripeIdempotencyError ? "idempotency_key_reused" : (error.code ?? "parameter_invalid");
    return new ConnectorRequestError(code, error.message, error.param ?? null);
  }
  if (error instanceof Stripe.errors.StripeCardError) {
    return new ConnectorRequestError(error.code ?? "card_declined", error.message, error.param ?? null);
  }
  if (error instanceof Stripe.errors.StripeError) {
    return new ConnectorUnknownOutcomeError(`Stripe ${operation}: ${error.type} (${error.statusCode ?? "no status"}); retrieve before retrying.`, {
      cause: error,
    });
  }
  return new ConnectorUnknownOutcomeError(`Stripe ${operation}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** A card error as the failure on a charge. */
export function cardFailure(error: { code?: string | null; decline_code?: string | null; message?: string | null }): ChargeFailure {
  const code = error.code ?? "card_declined";
  const declineCode = error.decline_code ?? null;
  return {
    code,
    declineCode,
    message: error.message ?? "Your card was declined.",
    retryable: code === "processing_error",
    type: declineCode === "fraudulent" ? "fraud" : code === "processing_error" ? "processing_error" : "card_error",
  };
}

export const isNotFound = (error: unknown) => error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404;
