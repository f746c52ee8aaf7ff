import { KassaError } from "./errors";
/** The one table from error code to HTTP status and Stripe-style error type. */
export const ERROR_CODES = {
  // 400
  parameter_invalid: { status: 400, type: "invalid_request_error" },
  parameter_missing: { status: 400, type: "invalid_request_error" },
  parameter_unknown: { status: 400, type: "invalid_request_error" },
  parameter_invalid_integer: { status: 400, type: "invalid_request_error" },
  /** Routing rules that name a connector the mode lacks, a split not adding up to 100, a range no payment fits (lib/routing). */
  routing_rule_invalid: { status: 400, type: "invalid_request_error" },
  body_not_json: { status: 400, type: "invalid_request_error" },
  idempotency_key_invalid: { status: 400, type: "invalid_request_error" },
  amount_too_large: { status: 400, type: "invalid_request_error" },
  amount_too_small: { status: 400, type: "invalid_request_error" },
  currency_unsupported: { status: 400, type: "invalid_request_error" },
  url_invalid: { status: 400, type: "invalid_request_error" },
  /** An EVM address that is not 0x and 40 hex digits (lib/chain/tokens.ts checkAddress). */
  address_invalid: { status: 400, type: "invalid_request_error" },
  /** A mixed-case EVM address whose case is not its EIP-55 checksum: most likely a mistyped character. */
  address_checksum_invalid: { status: 400, type: "invalid_request_error" },
  /** A request for one EVM chain sent to a Kassa on another (crypto.chain_id ≠ the chain's id): nothing is signed. */
  chain_id_mismatch: { status: 400, type: "invalid_request_error" },
  payment_intent_unexpected_state: { status: 400, type: "invalid_request_error" },
  charge_already_refunded: { status: 400, type: "invalid_request_error" },
  /** Escrow (lib/escrow): an escrow verb on a payment created without escrow. */
  payment_not_escrowed: { status: 400, type: "invalid_request_error" },
  /** Releasing (or disputing) an escrow already released to the merchant. */
  escrow_already_released: { status: 400, type: "invalid_request_error" },
  /** An escrow verb on a payment not captured yet (nothing held) or whose held funds were all refunded. */
  escrow_not_held: { status: 400, type: "invalid_request_error" },
  /** Releasing an escrow under dispute (resolve the dispute instead), or opening a second dispute. */
  escrow_disputed: { status: 400, type: "invalid_request_error" },
  /** Opening an escrow dispute after the dispute window ended. */
  escrow_dispute_window_closed: { status: 400, type: "invalid_request_error" },
  /** Resolving an escrow that is not under dispute. */
  escrow_not_disputed: { status: 400, type: "invalid_request_error" },
  balance_insufficient: { status: 400, type: "invalid_request_error" },
  payment_method_unknown: { status: 400, type: "invalid_request_error" },
  email_taken: { status: 400, type: "invalid_request_error" },
  invitation_invalid: { status: 400, type: "invalid_request_error" },
  last_owner: { status: 400, type: "invalid_request_error" },
  api_key_revoked: { status: 400, type: "invalid_request_error" },
  ledger_entry_not_reversible: { status: 400, type: "invalid_request_error" },
  /** Paying (or reopening) a checkout session that expired or was already paid. */
  checkout_session_expired: { status: 400, type: "invalid_request_error" },
  checkout_session_complete: { status: 400, type: "invalid_request_error" },
  payment_link_inactive: { status: 400, type: "invalid_request_error" },
  /** A customer billing portal link used after its expires_at (the merchant makes a new one). */
  billing_portal_session_expired: { status: 400, type: "invalid_request_error" },
  /** A price for an archived product (unarchive it first). */
  product_inactive: { status: 400, type: "invalid_request_error" },
  /** A subscription asked to do what its status does not allow (e.g. update a canceled one). */
  subscription_unexpected_state: { status: 400, type: "invalid_request_error" },
  /** An invoice asked to do what its status does not allow (e.g. pay a void one). */
  invoice_unexpected_state: { status: 400, type: "invalid_request_error" },
  /** A new invoice with nothing on it (Stripe's invoice_no_customer_line_items). */
  invoice_no_pending_items: { status: 400, type: "invalid_request_error" },
  /** An archived price on a new subscription or item. */
  price_inactive: { status: 400, type: "invalid_request_error" },
  /** A one-off price where a subscription needs a recurring one. */
  price_not_recurring: { status: 400, type: "invalid_request_error" },
  /** Items of one subscription in different currencies. */
  currency_mismatch: { status: 400, type: "invalid_request_error" },
  /** Items of one subscription on different billing intervals. */
  interval_mismatch: { status: 400, type: "invalid_request_error" },
  /** A lookup_key another active price of the merchant (same mode) already has. */
  lookup_key_in_use: { status: 400, type: "invalid_request_error" },
  /** A saved card charged or changed against its state: another customer's, detached, not attached (Stripe's code). */
  payment_method_unexpected_state: { status: 400, type: "invalid_request_error" },
  /** Dispute evidence sent after evidence_due_by (Stripe closes the window). */
  dispute_evidence_past_due: { status: 400, type: "invalid_request_error" },
  /** Evidence for a dispute already submitted, under review or closed. */
  dispute_unexpected_state: { status: 400, type: "invalid_request_error" },
  /** An inbound Stripe webhook whose Stripe-Signature does not verify (forged, re-serialised body, or older than 5 minutes). */
  stripe_signature_invalid: { status: 400, type: "invalid_request_error" },
  /** A UPI PSP callback whose X-Upi-Signature does not match its body. */
  upi_signature_invalid: { status: 400, type: "invalid_request_error" },
  /** An inbound PayPal webhook missing a transmission header, sent more than 5 minutes from now, or that PayPal's verification API does not verify. */
  paypal_signature_invalid: { status: 400, type: "invalid_request_error" },
  /** A VPA that is not handle@psp in lowercase within the length limits, or no UPI account at the PSP. */
  vpa_invalid: { status: 400, type: "invalid_request_error" },
  /** A VPA on the blocklist. */
  vpa_blocked: { status: 400, type: "invalid_request_error" },
  /** UPI Collect while the merchant's setting has it off (the default). */
  upi_collect_disabled: { status: 400, type: "invalid_request_error" },
  /** A payment method that does not take this currency (UPI: INR only). */
  payment_method_currency_mismatch: { status: 400, type: "invalid_request_error" },
  /** An operation the payment's method has no word for (capturing a UPI payment, saving one). */
  payment_method_unsupported: { status: 400, type: "invalid_request_error" },
  /** A Radar rule that does not parse (the message names the column), names a list that does not exist, or is one too many. */
  rule_invalid: { status: 400, type: "invalid_request_error" },
  /** A new version of a Radar rule that is no longer active (disabled, or replaced by a newer version). */
  rule_inactive: { status: 400, type: "invalid_request_error" },
  /** Something that may exist only once: a value list's alias, a value already on the list (Stripe's code). */
  resource_already_exists: { status: 400, type: "invalid_request_error" },
  /** Deleting a value list an active rule still reads (disable or change the rule first). */
  value_list_in_use: { status: 400, type: "invalid_request_error" },
  /** A payout in a currency the merchant has no bank account for (Stripe's code). */
  no_external_account: { status: 400, type: "invalid_request_error" },
  /** An IBAN whose length (for its country) or mod-97 check digits are wrong, or an account or routing number of the wrong form. */
  iban_invalid: { status: 400, type: "invalid_request_error" },
  account_number_invalid: { status: 400, type: "invalid_request_error" },
  routing_number_invalid: { status: 400, type: "invalid_request_error" },
  /** Cancelling a payout that is no longer pending (already handed to the bank, or done). */
  payout_unexpected_state: { status: 400, type: "invalid_request_error" },
  /** Removing a currency's default bank account while other accounts of that currency remain. */
  bank_account_is_default: { status: 400, type: "invalid_request_error" },
  workflow_signature_invalid: { status: 401, type: "authentication_error" },
  /** A webhook endpoint URL that is malformed or points somewhere Kassa must never connect to. */
  // 401
  api_key_missing: { status: 401, type: "authentication_error" },
  api_key_invalid: { status: 401, type: "authentication_error" },
  api_key_expired: { status: 401, type: "authentication_error" },
  secret_key_required: { status: 401, type: "authentication_error" },
  not_signed_in: { status: 401, type: "authentication_error" },
  invalid_credentials: { status: 401, type: "authentication_error" },
  unauthorized: { status: 401, type: "authentication_error" },
  // 402
  card_declined: { status: 402, type: "card_error" },
  /** A UPI payment declined in the customer's app or by their bank. */
  payment_method_provider_decline: { status: 402, type: "card_error" },
  /** A UPI payment not approved before it expired. */
  payment_intent_payment_attempt_expired: { status: 402, type: "card_error" },
  expired_card: { status: 402, type: "card_error" },
  incorrect_cvc: { status: 402, type: "card_error" },
  processing_error: { status: 402, type: "card_error" },
  authentication_required: { status: 402, type: "card_error" },
  /** The customer did not finish a redirect (a PayPal approval canceled): choose another way to pay. */
  payment_intent_authentication_failure: { status: 402, type: "card_error" },
  /** The sandbox card form: a number that is not a test card, a bad expiry date or CVC (Stripe's codes). */
  incorrect_number: { status: 402, type: "card_error" },
  invalid_expiry_year: { status: 402, type: "card_error" },
  invalid_cvc: { status: 402, type: "card_error" },
  // 403
  permission_denied: { status: 403, type: "permission_error" },
  origin_not_allowed: { status: 403, type: "permission_error" },
  content_type_invalid: { status: 415, type: "invalid_request_error" },
  // 404
  resource_missing: { status: 404, type: "invalid_request_error" },
  route_not_found: { status: 404, type: "invalid_request_error" },
  /** /api/webhooks/paypal on an instance without PayPal (PAYPAL_WEBHOOK_ID, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET). */
  paypal_webhooks_not_configured: { status: 404, type: "invalid_request_error" },
  /** No renewal is coming for the subscription (ended, paused, incomplete, or canceling at period end): Stripe's code. */
  invoice_upcoming_none: { status: 404, type: "invalid_request_error" },
  // 405
  method_not_allowed: { status: 405, type: "invalid_request_error" },
  // 409 / 422
  idempotency_key_in_use: { status: 409, type: "idempotency_error" },
  workflow_run_active: { status: 409, type: "invalid_request_error" },
  workflow_run_ended: { status: 409, type: "invalid_request_error" },
  idempotency_key_reused: { status: 422, type: "idempotency_error" },
  // 413 / 415
  body_too_large: { status: 413, type: "invalid_request_error" },
  content_type_unsupported: { status: 415, type: "invalid_request_error" },
  // 429
  rate_limited: { status: 429, type: "rate_limit_error" },
  login_throttled: { status: 429, type: "rate_limit_error" },
  reset_link_invalid: { status: 400, type: "invalid_request_error" },
  signup_link_invalid: { status: 400, type: "invalid_request_error" },
  // 5xx
  api_error: { status: 500, type: "api_error" },
  /** A posting that breaks the ledger's rules: a bug in the caller, never the client's fault. */
  ledger_entry_invalid: { status: 500, type: "api_error" },
  /** A ledger sum too large to show as a JSON number without losing precision. */
  ledger_amount_unsafe: { status: 500, type: "api_error" },
  service_unavailable: { status: 503, type: "api_error" },
  processor_error: { status: 502, type: "api_error" },
  processor_unavailable: { status: 400, type: "invalid_request_error" },
} as const satisfies Record<string, { status: number; type: ErrorType }>;

export type ErrorType =
  "invalid_request_error" | "authentication_error" | "card_error" | "permission_error" | "idempotency_error" | "rate_limit_error" | "api_error";

export type ErrorCode = keyof typeof ERROR_CODES;

export function errorStatus(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

export interface ErrorBody {
  error: {
    type: string;
    code: ErrorCode;
    message: string;
    param?: string;
    decline_code?: string;
    request_id: string;
  };
}

/** The one place an error becomes a body; unknown errors never show their internals. */
export function errorBody(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  const known = error instanceof KassaError ? error : null;
  const code: ErrorCode = known?.code ?? "api_error";
  const entry = ERROR_CODES[code];
  const body: ErrorBody = {
    error: {
      type: entry.type,
      code,
      message: known?.message ?? "An unexpected error occurred. Quote the request id when you contact support.",
      request_id: requestId,
    },
  };
  if (known?.param) body.error.param = known.param;
  if (known?.declineCode) body.error.decline_code = known.declineCode;
  return { status: entry.status, body };
}
