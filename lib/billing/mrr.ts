import type { SubscriptionStatus } from "@/db/schema";
import type { Interval } from "./periods";

/**
 * Monthly recurring revenue: what a subscription brings in per month, whatever its billing interval.
 *
 * Each item is normalised to a month on its own, in integer minor units of its currency:
 *
 *   month: unit_amount × quantity / interval_count
 *   year:  unit_amount × quantity / (12 × interval_count)
 *   week:  unit_amount × quantity × 52 / (12 × interval_count)
 *   day:   unit_amount × quantity × 365 / (12 × interval_count)
 *
 * The product is formed first and divided once (bigint, no float), and rounded half up: amounts are never
 * negative, so this is also half away from zero, the proration rule. Rounded per item, then summed, so a
 * subscription's MRR is the sum of its items' and a quantity change moves it by exactly that item's change.
 * Stripe does not publish its rule; ours is the same one the database trigger applies (migration
 * `mrr_rollup_triggers`, function `mrr_of`), and lib/billing/mrr.test.ts holds the two to each other.
 *
 * A subscription counts while it is `active` or `past_due` (still billed, payment being retried), as in
 * Stripe's billing analytics; trials, incomplete, unpaid (dunning gave up), paused and ended ones do not.
 */
export const MRR_STATUSES: readonly SubscriptionStatus[] = ["active", "past_due"];

const PER_MONTH: Readonly<Record<Interval, { num: bigint; den: bigint }>> = Object.freeze({
  day: { num: 365n, den: 12n },
  week: { num: 52n, den: 12n },
  month: { num: 1n, den: 1n },
  year: { num: 1n, den: 12n },
});

/** One item's share of MRR, in minor units. */
export function monthlyAmount(unitAmount: bigint, quantity: number, interval: Interval, intervalCount: number): bigint {
  if (unitAmount < 0n) throw new RangeError("unit_amount must not be negative");
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a whole number ≥ 0; got ${quantity}`);
  if (!Number.isSafeInteger(intervalCount) || intervalCount < 1) throw new RangeError(`interval_count must be ≥ 1; got ${intervalCount}`);
  const f = PER_MONTH[interval];
  if (!f) throw new RangeError(`Unknown interval: ${interval}`);
  const numerator = unitAmount * BigInt(quantity) * f.num;
  const denominator = f.den * BigInt(intervalCount);
  return (2n * numerator + denominator) / (2n * denominator);
}

/** A subscription's MRR: its items' monthly amounts when its status counts, else zero. */
export function subscriptionMrr(
  status: SubscriptionStatus,
  items: ReadonlyArray<{ unitAmount: bigint; quantity: number; interval: Interval; intervalCount: number }>,
): bigint {
  if (!MRR_STATUSES.includes(status)) return 0n;
  return items.reduce((sum, i) => sum + monthlyAmount(i.unitAmount, i.quantity, i.interval, i.intervalCount), 0n);
}
