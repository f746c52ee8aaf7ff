import { currencyExponent } from "@/lib/money";

/** Kassa's price: 2.9% of the captured amount plus 30 cents (or the currency's equivalent in minor units). */
const RATE_BASIS_POINTS = 290n;
const FIXED_CENTS = 30n;

export function processingFee(amount: bigint, currency: string): bigint {
  if (amount <= 0n) return 0n;
  const exp = currencyExponent(currency);
  const fixed = exp >= 2 ? FIXED_CENTS * 10n ** BigInt(exp - 2) : 0n;
  const percent = (amount * RATE_BASIS_POINTS + 5_000n) / 10_000n; // half up
  const fee = percent + fixed;
  return fee > amount ? amount : fee;
}

/**
 * The part of the fee a refund returns, pro rata, so the fee returned over all refunds of a payment
 * is exactly its fee once it is fully refunded (no rounding drift, never a negative balance).
 */
export function feeRefundFor(args: { fee: bigint; amountReceived: bigint; refundedBefore: bigint; refundAmount: bigint }): bigint {
  const { fee, amountReceived, refundedBefore, refundAmount } = args;
  if (amountReceived <= 0n) return 0n;
  const share = (refunded: bigint) => (fee * refunded) / amountReceived;
  return share(refundedBefore + refundAmount) - share(refundedBefore);
}
