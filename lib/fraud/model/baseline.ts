/**
 * The rules-only baseline the model is measured against: a fixed set of hand-written rules in the
 * spirit of Stripe Radar's defaults, scored 1 (block), 0.7 (review) or 0 (allow) so that AUC and
 * the review (0.65) and block (0.80) thresholds mean the same as for the model.
 */
import type { FeatureVector } from "../features";

export const BASELINE_RULES = [
  "block if :card_declines_1h: >= 5",
  "block if :network_risk: = 2",
  "review if :distinct_cards_per_ip_24h: >= 4",
  "review if :amount_vs_customer_avg: > 5 and :is_first_payment_for_card:",
  "review if :card_country_mismatch: and :amount_in_usd: > 100000",
] as const;

export function baselineScore(v: FeatureVector): number {
  if (v.card_declines_1h >= 5) return 1;
  if (v.network_risk === 2) return 1;
  if (v.distinct_cards_per_ip_24h >= 4) return 0.7;
  if (v.amount_vs_customer_avg > 5 && v.is_first_payment_for_card === 1) return 0.7;
  if (v.card_country_mismatch === 1 && v.amount_in_usd > 100_000) return 0.7;
  return 0;
}
