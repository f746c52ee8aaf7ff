import { describe, expect, it } from "vitest";
import { MODEL_FEATURES, type FeatureVector } from "../features";
import model from "./model-v1.json" with { type: "json" };
import { MODEL_THRESHOLDS, MODEL_VERSION, scoreFeatures } from "./score";
import { trainFraudModel } from "./train";

function vector(overrides: Partial<FeatureVector>): FeatureVector {
  const v = Object.fromEntries(MODEL_FEATURES.map((f) => [f, 0])) as FeatureVector;
  return { ...v, amount_vs_customer_avg: 1, amount_vs_merchant_avg: 1, ...overrides };
}

// Counts are before the attempt being scored, as computeFeatures gives them.

/** A bot trying cards for USD 1 on one merchant: small declines piling up, one IP, many cards. */
const cardTesting = vector({
  amount_in_usd: 100,
  amount_vs_merchant_avg: 0.02,
  is_first_payment_for_card: 1,
  is_first_time_customer: 1,
  card_attempts_1h: 1,
  card_attempts_24h: 1,
  card_declines_1h: 1,
  card_declines_24h: 1,
  email_attempts_1h: 0,
  email_attempts_24h: 0,
  ip_attempts_1h: 29,
  ip_attempts_24h: 33,
  ip_declines_1h: 25,
  customer_attempts_24h: 0,
  distinct_cards_per_email_24h: 0,
  distinct_cards_per_ip_24h: 29,
  distinct_emails_per_card_24h: 0,
  hour_of_day: 3,
  merchant_small_declines_10m: 25,
});

/** A known customer paying about their usual amount with their usual card, in the afternoon. */
const repeatCustomer = vector({
  amount_in_usd: 5_400,
  amount_vs_customer_avg: 1.1,
  amount_vs_merchant_avg: 0.9,
  card_attempts_1h: 0,
  card_attempts_24h: 0,
  email_attempts_1h: 0,
  email_attempts_24h: 1,
  ip_attempts_1h: 0,
  ip_attempts_24h: 0,
  customer_attempts_24h: 0,
  distinct_cards_per_email_24h: 0,
  distinct_cards_per_ip_24h: 0,
  distinct_emails_per_card_24h: 0,
  hour_of_day: 15,
});

describe("the committed fraud model", () => {
  it("loads with its version, MODEL_FEATURES in order and the review / block thresholds", () => {
    expect(MODEL_VERSION).toBe("fraud-v1");
    expect(model.features).toEqual([...MODEL_FEATURES]);
    expect(MODEL_THRESHOLDS).toEqual({ review: 0.65, block: 0.8 });
    expect(model.trained_at).toBe("2026-01-01T00:00:17.000Z");
  });

  it("recorded held-out metrics that beat the rules and keep false positives at the block threshold under 0.1%", () => {
    const { held_out: heldOut, rules_baseline: rules } = model.metrics;
    expect(heldOut.examples).toBe(40_000);
    expect(heldOut.auc).toBeGreaterThan(rules.auc);
    expect(heldOut.block.false_positive_rate).toBeLessThan(0.001);
  });

  it("scores a card-testing attempt at or above the block threshold and a repeat customer low", () => {
    expect(scoreFeatures(cardTesting)).toBeGreaterThanOrEqual(0.8);
    expect(scoreFeatures(repeatCustomer)).toBeLessThan(0.3);
  });

  it("is deterministic and stays in [0, 1] for odd input", () => {
    expect(scoreFeatures(cardTesting)).toBe(scoreFeatures({ ...cardTesting }));
    const odd = vector({ amount_in_usd: Number.NaN, card_attempts_1h: -5, ip_attempts_1h: Infinity, merchant_small_declines_10m: 1e12 });
    const score = scoreFeatures(odd);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    expect(Number.isNaN(score)).toBe(false);
  });
});

describe("training through the same code on 5,000 examples", () => {
  it("beats the rules-only baseline on AUC, quickly and reproducibly", () => {
    const started = performance.now();
    const first = trainFraudModel({ examples: 5_000 });
    expect(performance.now() - started).toBeLessThan(20_000);
    const { held_out: heldOut, rules_baseline: rules } = first.metrics;
    expect(heldOut.examples).toBe(1_000);
    expect(heldOut.fraud).toBeGreaterThan(5);
    expect(heldOut.auc).toBeGreaterThan(rules.auc);
    expect(heldOut.auc).toBeGreaterThan(0.8);
    expect(heldOut.block.false_positive_rate).toBeLessThan(0.005);
    expect(first.features).toEqual([...MODEL_FEATURES]);
    expect(trainFraudModel({ examples: 5_000 })).toEqual(first);
  });
});
