import { currencyExponent } from "@/lib/money";

/**
 * The dispute fee withdrawn with a disputed amount: 15.00 in two-decimal currencies (1500 minor units,
 * Stripe's US fee), the same number of minor units in others scaled by the exponent (so ¥1500, 15.000 KWD).
 * As at Stripe, a won dispute returns the amount but not the fee.
 */
export function disputeFee(currency: string): bigint {
  const exp = currencyExponent(currency);
  return exp >= 2 ? 1500n * 10n ** BigInt(exp - 2) : 1500n;
}
