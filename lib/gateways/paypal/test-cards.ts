import type { CardRequest } from "@paypal/paypal-server-sdk";
import { testCardByPaymentMethod, type SandboxBehaviour } from "../sandbox/test-cards";
import { ConnectorRequestError } from "../types";

/**
 * Kassa's test payment methods (pm_card_visa, pm_card_chargeDeclined… — the sandbox's table) as PayPal
 * sandbox cards. PayPal's card-testing page: its test numbers succeed, and a rejection trigger as the
 * name on a Visa test card declines with a fixed processor response code. 3D Secure is asked for with
 * `verification.method: SCA_ALWAYS`.
 */
const NUMBERS = { visa: "4012888888881881", mastercard: "2223000048400011", amex: "371449635398431" } as const;

/** The name on the card per behaviour: a rejection trigger, or an ordinary name. */
const TRIGGERS: Partial<Record<SandboxBehaviour, string>> = {
  succeed: "Kassa Test",
  authentication_required: "Kassa Test",
  decline_generic: "CCREJECT-BANK_ERROR",
  decline_insufficient_funds: "CCREJECT-IF",
  decline_expired_card: "CCREJECT-EC",
  decline_incorrect_cvc: "CCREJECT-CVV_F",
  fraud_blocked: "CCREJECT-SF",
};

export interface PayPalTestCard {
  card: CardRequest;
  /** The test method asks for a 3D Secure challenge (pm_card_authenticationRequired). */
  threeDSecure: boolean;
}

export function paypalTestCard(paymentMethod: string, now = new Date()): PayPalTestCard {
  const known = testCardByPaymentMethod(paymentMethod);
  if (!known) {
    throw new ConnectorRequestError(
      "payment_method_unknown",
      `No such PaymentMethod: '${paymentMethod}'. On PayPal's sandbox use a test method such as pm_card_visa.`,
      "payment_method",
    );
  }
  const name = TRIGGERS[known.behaviour];
  if (!name) {
    throw new ConnectorRequestError(
      "payment_method_unsupported",
      `${paymentMethod} (${known.behaviour}) has no equivalent on PayPal's sandbox; use it with the sandbox or Stripe.`,
      "payment_method",
    );
  }
  // Rejection triggers work on a Visa test number only (PayPal's card-testing page).
  const brand = name.startsWith("CCREJECT-") ? "visa" : known.brand;
  return {
    card: {
      name,
      number: NUMBERS[brand],
      expiry: `${now.getUTCFullYear() + 3}-12`,
      securityCode: brand === "amex" ? "1234" : "123",
    },
    threeDSecure: known.behaviour === "authentication_required",
  };
}
