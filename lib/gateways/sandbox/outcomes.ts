import type { CaptureMethod, ChargeFailure, ChargeStatus, NextAction, RiskLevel } from "../types";
import type { SandboxBehaviour } from "./test-cards";

/** The state an authorization ends in, decided before anything is written. */
export interface AuthorizationOutcome {
  status: ChargeStatus;
  amountCapturable: bigint;
  amountCaptured: bigint;
  failure: ChargeFailure | null;
  riskLevel: RiskLevel;
  /** True when the request needs the 3DS page before it can finish. */
  requiresAction: boolean;
}

// Stripe's own customer-facing messages for these codes.
export const FAILURES = {
  generic_decline: { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined.", retryable: false, type: "card_error" },
  insufficient_funds: {
    code: "card_declined",
    declineCode: "insufficient_funds",
    message: "Your card has insufficient funds.",
    retryable: false,
    type: "card_error",
  },
  expired_card: { code: "expired_card", declineCode: "expired_card", message: "Your card has expired.", retryable: false, type: "card_error" },
  incorrect_cvc: {
    code: "incorrect_cvc",
    declineCode: "incorrect_cvc",
    message: "Your card's security code is incorrect.",
    retryable: false,
    type: "card_error",
  },
  processing_error: {
    code: "processing_error",
    declineCode: null,
    message: "An error occurred while processing your card. Try again in a little bit.",
    retryable: true,
    type: "processing_error",
  },
  fraudulent: { code: "card_declined", declineCode: "fraudulent", message: "Your card was declined.", retryable: false, type: "fraud" },
  authentication_required: {
    code: "authentication_required",
    declineCode: "authentication_required",
    message: "Your card was declined. This transaction requires authentication.",
    retryable: false,
    type: "card_error",
  },
} as const satisfies Record<string, ChargeFailure>;

function failed(failure: ChargeFailure, riskLevel: RiskLevel = "normal"): AuthorizationOutcome {
  return { status: "failed", amountCapturable: 0n, amountCaptured: 0n, failure: { ...failure }, riskLevel, requiresAction: false };
}

/** An authorized charge: captured at once (automatic) or held for a capture (manual). */
export function authorized(amount: bigint, captureMethod: CaptureMethod, riskLevel: RiskLevel = "normal"): AuthorizationOutcome {
  return captureMethod === "automatic"
    ? { status: "succeeded", amountCapturable: 0n, amountCaptured: amount, failure: null, riskLevel, requiresAction: false }
    : { status: "requires_capture", amountCapturable: amount, amountCaptured: 0n, failure: null, riskLevel, requiresAction: false };
}

export function decideAuthorization(args: {
  behaviour: SandboxBehaviour;
  amount: bigint;
  captureMethod: CaptureMethod;
  /** Earlier attempts with this card for the same payment (only counted for processing_error). */
  priorAttempts: number;
}): AuthorizationOutcome {
  const { behaviour, amount, captureMethod } = args;
  switch (behaviour) {
    case "succeed":
    case "lost_response":
    case "refund_fails":
    case "create_dispute":
      return authorized(amount, captureMethod);
    case "elevated_risk":
      return authorized(amount, captureMethod, "elevated");
    case "decline_generic":
    case "saved_then_declined":
      return failed(FAILURES.generic_decline);
    case "decline_insufficient_funds":
      return failed(FAILURES.insufficient_funds);
    case "decline_expired_card":
    case "saved_then_expired":
      return failed(FAILURES.expired_card);
    case "decline_incorrect_cvc":
      return failed(FAILURES.incorrect_cvc);
    case "fraud_blocked":
      return failed(FAILURES.fraudulent, "highest");
    case "processing_error":
      // Transient: only a payment's first attempt fails, so a retry with a new key succeeds.
      return args.priorAttempts === 0 ? failed(FAILURES.processing_error) : authorized(amount, captureMethod);
    case "authentication_required":
      return { status: "requires_action", amountCapturable: 0n, amountCaptured: 0n, failure: null, riskLevel: "normal", requiresAction: true };
  }
}

export function threeDSecureAction(processorId: string, returnUrl: string | null): NextAction {
  return { type: "redirect_to_url", redirectToUrl: { url: `/sandbox/3ds/${processorId}`, returnUrl } };
}

/** A PayPal wallet charge waits for the buyer on the sandbox's simulated PayPal approval page. */
export function walletApprovalAction(processorId: string, returnUrl: string | null): NextAction {
  return { type: "redirect_to_url", redirectToUrl: { url: `/sandbox/paypal/${processorId}`, returnUrl } };
}

/** The sandbox's PayPal buyer account: who approves every sandbox wallet payment. */
export const SANDBOX_PAYPAL_BUYER = { payerId: "SBXBUYER7Q2LM", payerEmail: "buyer@sandbox.example", payerName: "Sandbox Buyer", country: "US" } as const;
