/**
 * The synthetic payments the fraud model is trained and tested on: legitimate traffic and five
 * documented fraud patterns, drawn from a seeded PRNG so that `npm run fraud:train` gives the same
 * examples, the same model and the same JSON on every run. Each fraud pattern leaves some of its
 * signals out part of the time ("stealthy" variants), some fraud is drawn from the legitimate
 * generator outright (a careful fraudster, friendly fraud), and legitimate customers sometimes
 * travel, buy big, retry after a decline or share an IP, so the classes overlap as real ones do.
 */
import type { FeatureVector } from "../features";
import { chance, int, logNormal, mulberry32, normal, pick, poisson, uniform, type Rng } from "./prng";

export type FraudPattern = "card_testing" | "account_takeover" | "geo_mismatch" | "velocity_burst" | "amount_spike" | "looks_normal";

export interface Example {
  features: FeatureVector;
  fraud: 0 | 1;
  /** The fraud pattern, or "legitimate". */
  pattern: FraudPattern | "legitimate";
}

export interface GenerateOptions {
  seed: number;
  count: number;
  /** Share of fraudulent examples (default 1.5%). */
  fraudRate?: number;
}

export interface Merchant {
  kind: string;
  /** The typical payment, USD cents. */
  median: number;
  sigma: number;
  /** The merchant's 30-day average payment, USD cents. */
  average: number;
  /** UTC offset of the merchant's customers, hours. */
  utcOffset: number;
}

const MERCHANT_KINDS: readonly (readonly [{ kind: string; median: number; sigma: number }, number])[] = [
  [{ kind: "coffee", median: 800, sigma: 0.5 }, 20],
  [{ kind: "retail", median: 5_500, sigma: 0.7 }, 35],
  [{ kind: "electronics", median: 32_000, sigma: 0.8 }, 15],
  [{ kind: "travel", median: 45_000, sigma: 0.9 }, 10],
  [{ kind: "saas", median: 2_900, sigma: 0.3 }, 20],
];

function merchant(rng: Rng): Merchant {
  const m = pick(rng, MERCHANT_KINDS);
  const average = m.median * Math.exp((m.sigma * m.sigma) / 2) * uniform(rng, 0.85, 1.15);
  const utcOffset = pick(rng, [
    [-5, 40],
    [1, 30],
    [5.5, 20],
    [9, 10],
  ] as const);
  return { kind: m.kind, median: m.median, sigma: m.sigma, average, utcOffset };
}

/** A customer's local hour: quiet at night, busiest in the afternoon and evening. */
function legitimateHour(rng: Rng, m: Merchant): number {
  const local = Math.min(23, Math.max(0, Math.round(15 + 4.5 * normal(rng))));
  return ((((local - m.utcOffset) % 24) + 24) % 24) | 0;
}

function zeroVector(): FeatureVector {
  return {
    amount_in_usd: 0,
    amount_vs_customer_avg: 1,
    amount_vs_merchant_avg: 1,
    is_first_payment_for_card: 0,
    is_first_time_customer: 0,
    card_attempts_1h: 0,
    card_attempts_24h: 0,
    card_declines_1h: 0,
    card_declines_24h: 0,
    email_attempts_1h: 0,
    email_attempts_24h: 0,
    ip_attempts_1h: 0,
    ip_attempts_24h: 0,
    ip_declines_1h: 0,
    customer_attempts_24h: 0,
    vpa_attempts_1h: 0,
    distinct_cards_per_email_24h: 0,
    distinct_cards_per_ip_24h: 0,
    distinct_emails_per_card_24h: 0,
    card_country_mismatch: 0,
    hour_of_day: 0,
    merchant_small_declines_10m: 0,
    network_risk: 0,
  };
}

function setAmount(v: FeatureVector, m: Merchant, cents: number, customerAverage: number | null): void {
  v.amount_in_usd = Math.max(50, Math.round(cents));
  v.amount_vs_merchant_avg = v.amount_in_usd / m.average;
  v.amount_vs_customer_avg = customerAverage === null ? 1 : v.amount_in_usd / customerAverage;
}

/**
 * Legitimate traffic: amounts log-normal around the merchant kind's typical payment, two thirds
 * repeat customers paying near their own average (3% buy something far bigger), mostly daytime
 * hours, one attempt per card, a few retries after a decline, shared IPs (offices, mobile
 * carriers) with many cards, travellers whose card country differs from the IP's, a card
 * network that now and then flags a good payment, and small declines on coffee-shop merchants.
 */
export function legitimate(rng: Rng): FeatureVector {
  const m = merchant(rng);
  const v = zeroVector();
  const repeat = chance(rng, 0.65);
  const upi = chance(rng, 0.08);
  if (repeat) {
    const customerAverage = m.average * logNormal(rng, 1, 0.5);
    const bigPurchase = chance(rng, 0.03) ? uniform(rng, 3, 12) : 1;
    setAmount(v, m, customerAverage * logNormal(rng, 1, 0.45) * bigPurchase, customerAverage);
    v.is_first_payment_for_card = chance(rng, 0.07) ? 1 : 0;
  } else {
    setAmount(v, m, logNormal(rng, m.median, m.sigma), null);
    v.is_first_time_customer = 1;
    v.is_first_payment_for_card = 1;
  }
  const declines = chance(rng, 0.04) ? int(rng, 1, 2) + (chance(rng, 0.1) ? int(rng, 1, 3) : 0) : 0;
  if (upi) {
    v.vpa_attempts_1h = 1 + poisson(rng, 0.1) + declines;
  } else {
    v.card_attempts_1h = 1 + poisson(rng, 0.08) + declines;
    v.card_attempts_24h = v.card_attempts_1h + poisson(rng, repeat ? 0.4 : 0.1);
    v.card_declines_1h = declines;
    v.card_declines_24h = declines + (chance(rng, 0.03) ? 1 : 0);
    v.distinct_cards_per_email_24h = 1 + (chance(rng, 0.04) ? int(rng, 1, 2) : 0);
    v.distinct_emails_per_card_24h = 1 + (chance(rng, 0.02) ? 1 : 0);
  }
  v.email_attempts_1h = 1 + poisson(rng, 0.1) + declines;
  v.email_attempts_24h = v.email_attempts_1h + poisson(rng, 0.3);
  v.customer_attempts_24h = 1 + poisson(rng, repeat ? 0.3 : 0.1) + declines;
  if (chance(rng, 0.05)) {
    // A shared IP: an office, a university, a mobile carrier's NAT.
    v.ip_attempts_1h = 1 + poisson(rng, 6) + declines;
    v.ip_attempts_24h = v.ip_attempts_1h + poisson(rng, 30);
    v.ip_declines_1h = declines + poisson(rng, 0.5);
    v.distinct_cards_per_ip_24h = 1 + poisson(rng, 2.5);
  } else {
    v.ip_attempts_1h = 1 + poisson(rng, 0.1) + declines;
    v.ip_attempts_24h = v.ip_attempts_1h + poisson(rng, 0.4);
    v.ip_declines_1h = declines;
    v.distinct_cards_per_ip_24h = upi ? 0 : 1 + (chance(rng, 0.08) ? int(rng, 1, 2) : 0);
  }
  v.card_country_mismatch = chance(rng, m.kind === "travel" ? 0.15 : 0.035) ? 1 : 0;
  v.hour_of_day = legitimateHour(rng, m);
  v.merchant_small_declines_10m = chance(rng, m.kind === "coffee" ? 0.12 : 0.03) ? 1 + poisson(rng, 1.2) : 0;
  v.network_risk = pick(rng, [
    [0, 0.975],
    [1, 0.0245],
    [2, 0.0005],
  ] as const);
  return v;
}

/** A first-time customer with a first-time card at any hour: where most fraud patterns start. */
function stranger(rng: Rng, m: Merchant): FeatureVector {
  const v = zeroVector();
  setAmount(v, m, logNormal(rng, m.median, m.sigma), null);
  v.is_first_time_customer = 1;
  v.is_first_payment_for_card = 1;
  v.card_attempts_1h = 1 + poisson(rng, 0.3);
  v.card_attempts_24h = v.card_attempts_1h + poisson(rng, 0.3);
  v.email_attempts_1h = 1 + poisson(rng, 0.3);
  v.email_attempts_24h = v.email_attempts_1h + poisson(rng, 0.3);
  v.ip_attempts_1h = 1 + poisson(rng, 0.5);
  v.ip_attempts_24h = v.ip_attempts_1h + poisson(rng, 0.8);
  v.customer_attempts_24h = 1;
  v.distinct_cards_per_email_24h = 1;
  v.distinct_cards_per_ip_24h = 1 + (chance(rng, 0.15) ? 1 : 0);
  v.distinct_emails_per_card_24h = 1;
  v.card_country_mismatch = chance(rng, 0.2) ? 1 : 0;
  v.hour_of_day = chance(rng, 0.5) ? int(rng, 0, 23) : legitimateHour(rng, m);
  v.network_risk = pick(rng, [
    [0, 0.8],
    [1, 0.17],
    [2, 0.03],
  ] as const);
  return v;
}

/**
 * Card testing: a bot tries stolen card numbers with small payments (USD 0.50–5) on one merchant,
 * so the merchant's small declines in 10 minutes pile up, one IP sees many distinct cards and
 * most of its attempts decline. A third rotate proxies (few cards per IP); a fifth pace themselves
 * so the merchant's 10-minute count stays low.
 */
export function cardTesting(rng: Rng, m: Merchant): FeatureVector {
  const v = stranger(rng, m);
  setAmount(v, m, uniform(rng, 50, 500), null);
  v.merchant_small_declines_10m = chance(rng, 0.2) ? int(rng, 0, 4) : int(rng, 5, 60);
  v.distinct_cards_per_ip_24h = chance(rng, 0.35) ? int(rng, 1, 3) : int(rng, 4, 80);
  v.ip_attempts_1h = Math.max(1, Math.round(v.distinct_cards_per_ip_24h * uniform(rng, 0.5, 1.5)));
  v.ip_attempts_24h = v.ip_attempts_1h + poisson(rng, 5);
  v.ip_declines_1h = Math.round((v.ip_attempts_1h - 1) * uniform(rng, 0.5, 0.95));
  v.card_attempts_1h = int(rng, 1, 3);
  v.card_attempts_24h = v.card_attempts_1h + poisson(rng, 0.5);
  v.card_declines_1h = v.card_attempts_1h - 1;
  v.card_declines_24h = v.card_declines_1h;
  v.distinct_emails_per_card_24h = int(rng, 1, 2);
  v.network_risk = pick(rng, [
    [0, 0.6],
    [1, 0.3],
    [2, 0.1],
  ] as const);
  return v;
}

/**
 * Account takeover: someone in a known customer's account pays with a card the merchant has not
 * seen, for several times the customer's usual amount, mostly from another country, after adding
 * cards to the email. A quarter keep the amount modest.
 */
export function accountTakeover(rng: Rng, m: Merchant): FeatureVector {
  const v = stranger(rng, m);
  const customerAverage = m.average * logNormal(rng, 1, 0.5);
  const spike = chance(rng, 0.25) ? uniform(rng, 1, 3) : uniform(rng, 3, 25);
  setAmount(v, m, customerAverage * spike, customerAverage);
  v.is_first_time_customer = 0;
  v.is_first_payment_for_card = chance(rng, 0.9) ? 1 : 0;
  v.card_country_mismatch = chance(rng, 0.65) ? 1 : 0;
  v.distinct_cards_per_email_24h = int(rng, 1, 5);
  v.email_attempts_1h = int(rng, 1, 6);
  v.email_attempts_24h = v.email_attempts_1h + poisson(rng, 1);
  v.customer_attempts_24h = int(rng, 1, 8);
  v.network_risk = pick(rng, [
    [0, 0.7],
    [1, 0.25],
    [2, 0.05],
  ] as const);
  return v;
}

/**
 * Geo mismatch: a stolen card used from another country (card country ≠ IP country) for a large
 * amount (USD 300–4,000), usually by a first-time customer.
 */
export function geoMismatch(rng: Rng, m: Merchant): FeatureVector {
  const v = stranger(rng, m);
  setAmount(v, m, uniform(rng, 30_000, 400_000), null);
  v.card_country_mismatch = 1;
  if (chance(rng, 0.1)) v.is_first_time_customer = 0;
  v.network_risk = pick(rng, [
    [0, 0.65],
    [1, 0.3],
    [2, 0.05],
  ] as const);
  return v;
}

/**
 * Velocity burst: many attempts in an hour by one card, email and IP (4–30 per card), several
 * emails per card and cards per email, with declines along the way. A quarter burst more gently
 * (2–5 attempts).
 */
export function velocityBurst(rng: Rng, m: Merchant): FeatureVector {
  const v = stranger(rng, m);
  const gentle = chance(rng, 0.25);
  v.card_attempts_1h = gentle ? int(rng, 2, 5) : int(rng, 4, 30);
  v.card_attempts_24h = v.card_attempts_1h + poisson(rng, 2);
  v.card_declines_1h = int(rng, 0, v.card_attempts_1h - 1);
  v.card_declines_24h = v.card_declines_1h + poisson(rng, 0.5);
  v.email_attempts_1h = gentle ? int(rng, 1, 5) : int(rng, 3, 30);
  v.email_attempts_24h = v.email_attempts_1h + poisson(rng, 2);
  v.ip_attempts_1h = gentle ? int(rng, 2, 6) : int(rng, 4, 40);
  v.ip_attempts_24h = v.ip_attempts_1h + poisson(rng, 3);
  v.ip_declines_1h = int(rng, 0, v.ip_attempts_1h - 1);
  v.distinct_emails_per_card_24h = gentle ? int(rng, 1, 2) : int(rng, 1, 6);
  v.distinct_cards_per_email_24h = gentle ? int(rng, 1, 2) : int(rng, 1, 6);
  v.distinct_cards_per_ip_24h = Math.max(v.distinct_cards_per_email_24h, int(rng, 1, 4));
  return v;
}

/**
 * Amount spike: a first-time customer with a new card pays many times the merchant's average
 * (5–40×); a fifth only 2–5×, where big legitimate first orders live too.
 */
export function amountSpike(rng: Rng, m: Merchant): FeatureVector {
  const v = stranger(rng, m);
  setAmount(v, m, m.average * (chance(rng, 0.2) ? uniform(rng, 2, 5) : uniform(rng, 5, 40)), null);
  v.card_country_mismatch = chance(rng, 0.25) ? 1 : 0;
  return v;
}

const FRAUD_PATTERNS = [
  ["card_testing", 30],
  ["account_takeover", 15],
  ["geo_mismatch", 15],
  ["velocity_burst", 15],
  ["amount_spike", 13],
  ["looks_normal", 12],
] as const satisfies readonly (readonly [FraudPattern, number])[];

function fraudulent(rng: Rng, pattern: FraudPattern): FeatureVector {
  const m = merchant(rng);
  switch (pattern) {
    case "card_testing":
      return cardTesting(rng, m);
    case "account_takeover":
      return accountTakeover(rng, m);
    case "geo_mismatch":
      return geoMismatch(rng, m);
    case "velocity_burst":
      return velocityBurst(rng, m);
    case "amount_spike":
      return amountSpike(rng, m);
    case "looks_normal":
      // A careful fraudster or friendly fraud: nothing in the features tells it from a good payment.
      return legitimate(rng);
  }
}

const COUNTED_WITH_THIS_ATTEMPT = [
  "card_attempts_1h",
  "card_attempts_24h",
  "email_attempts_1h",
  "email_attempts_24h",
  "ip_attempts_1h",
  "ip_attempts_24h",
  "customer_attempts_24h",
  "vpa_attempts_1h",
  "distinct_cards_per_email_24h",
  "distinct_cards_per_ip_24h",
  "distinct_emails_per_card_24h",
] as const;

/**
 * The patterns above count the attempt being scored; computeFeatures counts only what came before it
 * (the attempt is counted in its phase A), so each count drops by one.
 */
function beforeThisAttempt(v: FeatureVector): FeatureVector {
  for (const f of COUNTED_WITH_THIS_ATTEMPT) v[f] = Math.max(0, v[f] - 1);
  return v;
}

/** `count` examples, about `fraudRate` of them fraudulent, the same for the same seed. */
export function generateExamples(options: GenerateOptions): Example[] {
  const rng = mulberry32(options.seed);
  const fraudRate = options.fraudRate ?? 0.015;
  const examples: Example[] = [];
  for (let i = 0; i < options.count; i++) {
    if (chance(rng, fraudRate)) {
      const pattern = pick(rng, FRAUD_PATTERNS);
      examples.push({ features: beforeThisAttempt(fraudulent(rng, pattern)), fraud: 1, pattern });
    } else {
      examples.push({ features: beforeThisAttempt(legitimate(rng)), fraud: 0, pattern: "legitimate" });
    }
  }
  return examples;
}
