import { currencyExponent } from "@/lib/money";

/**
 * Fixed reference rates (USD per unit of the currency), for fraud features and rules only: amounts
 * across currencies compared on one scale. Not for money: nothing is ever converted or charged with them.
 */
const USD_PER_UNIT: Record<string, number> = {
  usd: 1,
  eur: 1.08,
  gbp: 1.27,
  inr: 0.012,
  jpy: 0.0067,
  cad: 0.73,
  aud: 0.66,
  chf: 1.13,
  sgd: 0.74,
  aed: 0.27,
  brl: 0.18,
  mxn: 0.055,
};

/** The amount in USD cents (rounded), or the amount's major units × 100 for a currency without a rate. */
export function amountInUsdCents(amount: bigint, currency: string): number {
  const exp = currencyExponent(currency);
  const major = Number(amount) / 10 ** exp;
  return Math.round(major * (USD_PER_UNIT[currency.toLowerCase()] ?? 1) * 100);
}
