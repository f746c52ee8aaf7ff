import { createHash } from "node:crypto";
import type { CardDetails } from "../types";

/**
 * What the sandbox does with a card. One table for the connector (Stripe-style `pm_card_…` names)
 * and for the sandbox checkout form (16-digit test numbers), so both behave the same.
 */
export const sandboxBehaviours = [
  "succeed",
  "decline_generic",
  "decline_insufficient_funds",
  "decline_expired_card",
  "decline_incorrect_cvc",
  "authentication_required",
  "processing_error",
  "lost_response",
  "fraud_blocked",
  "elevated_risk",
  "refund_fails",
  /** Charges like a good card; once captured, the cardholder disputes it (Stripe's pm_card_createDispute). */
  "create_dispute",
  /** Saves fine, then every charge is declined (Stripe's pm_card_chargeCustomerFail): a card that stops working. */
  "saved_then_declined",
  /** Saves fine, then every charge is declined as expired (sandbox only): a hard decline no retry fixes. */
  "saved_then_expired",
] as const;
export type SandboxBehaviour = (typeof sandboxBehaviours)[number];

export interface SandboxTestCard {
  number: string;
  /** Stripe's test PaymentMethod names for this card; the first is canonical. */
  paymentMethods: readonly string[];
  brand: "visa" | "mastercard" | "amex";
  funding: "credit" | "debit";
  country: string;
  behaviour: SandboxBehaviour;
  /** Set when Stripe has no such card and the number is the sandbox's own. */
  sandboxOnly?: true;
}

export const SANDBOX_TEST_CARDS: readonly SandboxTestCard[] = [
  { number: "4242424242424242", paymentMethods: ["pm_card_visa"], brand: "visa", funding: "credit", country: "US", behaviour: "succeed" },
  { number: "4000056655665556", paymentMethods: ["pm_card_visa_debit"], brand: "visa", funding: "debit", country: "US", behaviour: "succeed" },
  { number: "5555555555554444", paymentMethods: ["pm_card_mastercard"], brand: "mastercard", funding: "credit", country: "US", behaviour: "succeed" },
  { number: "378282246310005", paymentMethods: ["pm_card_amex"], brand: "amex", funding: "credit", country: "US", behaviour: "succeed" },
  { number: "4000000000000002", paymentMethods: ["pm_card_chargeDeclined"], brand: "visa", funding: "credit", country: "US", behaviour: "decline_generic" },
  {
    number: "4000000000009995",
    paymentMethods: ["pm_card_chargeDeclinedInsufficientFunds"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "decline_insufficient_funds",
  },
  {
    number: "4000000000000069",
    paymentMethods: ["pm_card_chargeDeclinedExpiredCard"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "decline_expired_card",
  },
  {
    number: "4000000000000127",
    paymentMethods: ["pm_card_chargeDeclinedIncorrectCvc"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "decline_incorrect_cvc",
  },
  {
    number: "4000002760003184",
    paymentMethods: ["pm_card_authenticationRequired"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "authentication_required",
  },
  {
    number: "4000002500003155",
    paymentMethods: ["pm_card_authenticationRequiredOnSetup"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "authentication_required",
  },
  {
    number: "4000000000000119",
    paymentMethods: ["pm_card_processingError", "pm_card_chargeDeclinedProcessingError"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "processing_error",
  },
  {
    number: "4000000000004087",
    paymentMethods: ["pm_card_lostResponse"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "lost_response",
    sandboxOnly: true,
  },
  {
    number: "4100000000000019",
    paymentMethods: ["pm_card_riskLevelHighest", "pm_card_radarBlock"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "fraud_blocked",
  },
  { number: "4000000000004954", paymentMethods: [], brand: "visa", funding: "credit", country: "US", behaviour: "fraud_blocked" },
  { number: "4000000000009235", paymentMethods: ["pm_card_riskLevelElevated"], brand: "visa", funding: "credit", country: "US", behaviour: "elevated_risk" },
  { number: "4000000000005126", paymentMethods: ["pm_card_refundFail"], brand: "visa", funding: "credit", country: "US", behaviour: "refund_fails" },
  { number: "4000000000000259", paymentMethods: ["pm_card_createDispute"], brand: "visa", funding: "credit", country: "US", behaviour: "create_dispute" },
  {
    number: "4000000000000341",
    paymentMethods: ["pm_card_chargeCustomerFail"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "saved_then_declined",
  },
  {
    number: "4000000000009011",
    paymentMethods: ["pm_card_chargeCustomerFailExpiredCard"],
    brand: "visa",
    funding: "credit",
    country: "US",
    behaviour: "saved_then_expired",
    sandboxOnly: true,
  },
];

const byNumber = new Map(SANDBOX_TEST_CARDS.map((c) => [c.number, c]));
const byPaymentMethod = new Map(SANDBOX_TEST_CARDS.flatMap((c) => c.paymentMethods.map((pm) => [pm, c] as const)));

/** The test card for a card number (spaces and dashes ignored), or undefined. */
export function testCardByNumber(number: string): SandboxTestCard | undefined {
  return byNumber.get(number.replace(/[\s-]/g, ""));
}

/** The test card for a `pm_card_…` PaymentMethod id, or undefined. */
export function testCardByPaymentMethod(paymentMethod: string): SandboxTestCard | undefined {
  return byPaymentMethod.get(paymentMethod);
}

// Test cards never expire in the sandbox (like Stripe's): a fixed date a few years out.
const EXP_YEAR = new Date().getUTCFullYear() + 3;

/** The card details a charge shows for a test card (Stripe's payment_method_details.card). */
export function cardDetails(card: SandboxTestCard): CardDetails {
  return {
    brand: card.brand,
    last4: card.number.slice(-4),
    expMonth: 12,
    expYear: EXP_YEAR,
    fingerprint: createHash("sha256").update(`kassa-sandbox:${card.number}`).digest("hex").slice(0, 16),
    country: card.country,
    funding: card.funding,
  };
}
