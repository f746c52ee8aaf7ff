import { createHash } from "node:crypto";
import { cardDetails, testCardByPaymentMethod } from "@/lib/gateways/sandbox/test-cards";

/**
 * What Kassa knows about a payment attempt before the processor sees it: the card (for the sandbox's test
 * methods its fingerprint, BIN, country and the network's risk signal; a Stripe pm_… is unknown until the
 * charge), the buyer (email, customer, the checkout's client IP), the VPA for UPI. Keys for counters are
 * these values lowercased; an email or IP is kept as a hash in counters, never in clear.
 */
export interface PaymentSignals {
  paymentMethodType: "card" | "upi";
  cardFingerprint: string | null;
  cardBin: string | null;
  cardBrand: string | null;
  cardCountry: string | null;
  cardFunding: string | null;
  networkRisk: 0 | 1 | 2;
  email: string | null;
  ipAddress: string | null;
  ipCountry: string | null;
  customer: string | null;
  vpa: string | null;
}

export function signalsFor(args: {
  paymentMethod: string;
  email: string | null;
  customer: string | null;
  ip: string | null;
  vpa: string | null;
  savedCard?: { fingerprint: string; brand: string; country: string | null; funding: string } | null;
}): PaymentSignals {
  const upi = args.paymentMethod === "upi";
  const test = upi ? undefined : testCardByPaymentMethod(args.paymentMethod);
  const card = test
    ? {
        fingerprint: cardDetails(test).fingerprint,
        bin: test.number.slice(0, 6),
        brand: test.brand,
        country: test.country,
        funding: test.funding,
      }
    : args.savedCard
      ? { fingerprint: args.savedCard.fingerprint, bin: null, brand: args.savedCard.brand, country: args.savedCard.country, funding: args.savedCard.funding }
      : null;
  const behaviour = (test as { behaviour?: string } | undefined)?.behaviour;
  return {
    paymentMethodType: upi ? "upi" : "card",
    cardFingerprint: card?.fingerprint ?? null,
    cardBin: card?.bin ?? null,
    cardBrand: card?.brand ?? null,
    cardCountry: card?.country ?? null,
    cardFunding: card?.funding ?? null,
    networkRisk: behaviour === "fraud_blocked" ? 2 : behaviour === "elevated_risk" ? 1 : 0,
    email: args.email?.toLowerCase() ?? null,
    ipAddress: args.ip ?? null,
    ipCountry: null,
    customer: args.customer,
    vpa: args.vpa?.toLowerCase() ?? null,
  };
}

/** The counter key of a value: emails and IPs hashed (the counters never hold them in clear). */
export const counterKey = (kind: "card" | "email" | "ip" | "customer" | "vpa", value: string | null): string | null => {
  if (!value) return null;
  return kind === "email" || kind === "ip" ? createHash("sha256").update(`${kind}:${value.toLowerCase()}`).digest("hex").slice(0, 32) : value.toLowerCase();
};
