/**
 * The fraud features of one payment attempt: what the model scores and what rules read (as
 * `:name:`). Computed in the payment's confirm from windowed counters (lib/fraud/compute-features.ts),
 * never by scanning history. Counts are over the merchant and mode only. This list is the contract
 * between the synthetic generator, the trained model (lib/fraud/model/*.json names its features in this
 * order) and the hot path: add a feature at the end and retrain.
 */
export const MODEL_FEATURES = [
  /** The amount in USD cents at fixed reference rates (lib/fraud/usd.ts), log-scaled by the model itself. */
  "amount_in_usd",
  /** This amount over the customer's (or, without one, the email's) average payment in the last 90 days; 1 without history. */
  "amount_vs_customer_avg",
  /** This amount over the merchant's average payment in the last 30 days; 1 without history. */
  "amount_vs_merchant_avg",
  /** 1 if the card (fingerprint) or VPA has never paid this merchant. */
  "is_first_payment_for_card",
  /** 1 if the customer (or email) has never paid this merchant. */
  "is_first_time_customer",
  "card_attempts_1h",
  "card_attempts_24h",
  "card_declines_1h",
  "card_declines_24h",
  "email_attempts_1h",
  "email_attempts_24h",
  "ip_attempts_1h",
  "ip_attempts_24h",
  "ip_declines_1h",
  "customer_attempts_24h",
  "vpa_attempts_1h",
  "distinct_cards_per_email_24h",
  "distinct_cards_per_ip_24h",
  "distinct_emails_per_card_24h",
  /** 1 if both are known and differ. */
  "card_country_mismatch",
  /** Hour of day (0–23) in UTC. */
  "hour_of_day",
  /** Declines of small payments (under USD 5) on this merchant in the last 10 minutes: the card-testing pattern. */
  "merchant_small_declines_10m",
  /** The card network's / issuer's risk signal known before authorisation: 0 normal, 1 elevated, 2 highest. */
  "network_risk",
] as const;

export type ModelFeature = (typeof MODEL_FEATURES)[number];
export type FeatureVector = Record<ModelFeature, number>;

/**
 * What rules can read beyond the model's numbers: the payment's own attributes (strings), and the score.
 * A rule names them as `:name:` (e.g. `:card_country:`, `:risk_score:`).
 */
export const RULE_STRING_ATTRIBUTES = [
  "currency",
  "card_brand",
  "card_country",
  "card_bin",
  "card_fingerprint",
  "card_funding",
  "ip_address",
  "ip_country",
  "email",
  "email_domain",
  "customer",
  "vpa",
  "payment_method_type",
] as const;
export type RuleStringAttribute = (typeof RULE_STRING_ATTRIBUTES)[number];

export const RULE_NUMBER_ATTRIBUTES = [...MODEL_FEATURES, "amount", "risk_score"] as const;
export type RuleNumberAttribute = (typeof RULE_NUMBER_ATTRIBUTES)[number];

/** Everything a rule is evaluated against. Booleans in rules are the 0/1 numbers (`:is_first_payment_for_card:` alone means = 1). */
export interface RuleInput {
  numbers: Record<RuleNumberAttribute, number>;
  strings: Partial<Record<RuleStringAttribute, string | null>>;
  /** The merchant's lists by alias (`@vip_customers`): the values, lowercased. */
  lists: Record<string, ReadonlySet<string>>;
}
