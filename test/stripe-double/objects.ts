import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { testCardByPaymentMethod, type SandboxTestCard } from "@/lib/gateways/sandbox/test-cards";

/** Stripe's example objects (fixtures.json); every answer is one of these with the simulated fields overridden. */
const FIXTURES = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures.json"), "utf8")) as Record<string, Record<string, unknown>>;

export type StripeObject = Record<string, unknown> & { id: string; object: string };

export function fixture(kind: string, overrides: Record<string, unknown>): StripeObject {
  const base = structuredClone(FIXTURES[kind]);
  if (!base) throw new Error(`no fixture for ${kind}`);
  return { ...base, ...overrides } as StripeObject;
}

const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export function stripeId(prefix: string): string {
  const bytes = randomBytes(24);
  return `${prefix}_${Array.from(bytes, (b) => ALPHA[b % ALPHA.length]).join("")}`;
}

export const now = () => Math.floor(Date.now() / 1000);

/** A test payment method's card as a PaymentMethod's `card` hash. */
export function cardHash(card: SandboxTestCard) {
  const base = (FIXTURES.payment_method!.card ?? {}) as Record<string, unknown>;
  return {
    ...structuredClone(base),
    brand: card.brand,
    display_brand: card.brand,
    country: card.country,
    funding: card.funding,
    last4: card.number.slice(-4),
    exp_month: 12,
    exp_year: new Date().getUTCFullYear() + 3,
    fingerprint: `fp${card.number.slice(-8)}`,
    wallet: null,
  };
}

export const knownTestCard = (pm: string) => testCardByPaymentMethod(pm);

export function stripeError(status: number, error: Record<string, unknown>) {
  return { status, body: { error: { message: "An error occurred.", ...error } } };
}
