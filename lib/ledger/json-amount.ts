import { KassaError } from "@/lib/service/errors";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A bigint amount as a JSON number. One object's amount always fits (MAX_AMOUNT is eight digits),
 * but balances are sums; past 2^53 a number would silently round, so that throws instead.
 */
export function jsonAmount(value: bigint): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw new KassaError("ledger_amount_unsafe", "An amount is too large to represent exactly.");
  }
  return Number(value);
}
