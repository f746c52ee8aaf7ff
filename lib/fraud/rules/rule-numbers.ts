import { MODEL_FEATURES, type FeatureVector, type RuleNumberAttribute } from "../features";

/**
 * The numbers a rule reads, with amounts in major units as merchants write them in Radar rules:
 * `:amount_in_usd: > 5000` means USD 5,000, so `amount_in_usd` (USD cents in the feature vector) is divided by 100,
 * and `:amount:` is the payment's own amount in its currency's major units (`amountMinor / 10^currencyExponent`,
 * e.g. 1999 with exponent 2 → 19.99, 500 JPY with exponent 0 → 500). Every other feature is passed as it is;
 * `riskScore` is the score as shown, 0–99. Built once per payment.
 */
export function ruleNumbersFrom(
  features: FeatureVector,
  amountMinor: number,
  currencyExponent: number,
  riskScore: number,
): Record<RuleNumberAttribute, number> {
  const numbers = {} as Record<RuleNumberAttribute, number>;
  for (const name of MODEL_FEATURES) numbers[name] = features[name];
  numbers.amount_in_usd = features.amount_in_usd / 100;
  numbers.amount = amountMinor / 10 ** currencyExponent;
  numbers.risk_score = riskScore;
  return numbers;
}
