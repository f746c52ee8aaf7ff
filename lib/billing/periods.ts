/**
 * The billing calendar: where a subscription's periods start and end, computed from its billing cycle anchor.
 * All in UTC, so a day is always 86,400 seconds and no period moves with daylight saving.
 *
 * Month and year boundaries are counted from the anchor, never chained from the previous boundary, so a
 * Jan 31 anchor bills Feb 28 (29 in a leap year), then Mar 31 again, as Stripe Billing does. Chaining would
 * drift to the 28th for good after the first February.
 */

export const INTERVALS = ["day", "week", "month", "year"] as const;
export type Interval = (typeof INTERVALS)[number];

/** Stripe's ceiling: one period lasts at most three years, in whatever unit it is counted. */
export const MAX_INTERVAL_COUNT: Readonly<Record<Interval, number>> = Object.freeze({ day: 1095, week: 156, month: 36, year: 3 });

/** Stripe's ceiling on `trial_period_days`. */
export const MAX_TRIAL_PERIOD_DAYS = 730;

const DAY_MS = 86_400_000;

export interface Period {
  start: Date;
  end: Date;
}

/** Why an interval and count cannot make a billing period, or null when they can. */
export function validateInterval(interval: string, count: number): string | null {
  if (!(INTERVALS as readonly string[]).includes(interval)) return `interval must be one of ${INTERVALS.join(", ")}; got "${interval}"`;
  if (!Number.isSafeInteger(count) || count < 1) return `interval_count must be a whole number of at least 1; got ${count}`;
  const max = MAX_INTERVAL_COUNT[interval as Interval];
  if (count > max) return `A billing period may last at most 3 years (${max} ${interval}s); got ${count} ${interval}s`;
  return null;
}

/**
 * The n-th period boundary after `anchor` (n = 0 is the anchor itself; negative n counts back). Months keep
 * the anchor's day when the month has it and take the month's last day when it does not; the time of day is
 * the anchor's.
 */
export function addInterval(anchor: Date, interval: Interval, count: number, n = 1): Date {
  assertInterval(interval, count);
  assertDate(anchor, "anchor");
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be a whole number; got ${n}`);
  switch (interval) {
    case "day":
      return new Date(anchor.getTime() + n * count * DAY_MS);
    case "week":
      return new Date(anchor.getTime() + n * count * 7 * DAY_MS);
    case "month":
      return addMonthsFromAnchor(anchor, n * count);
    case "year":
      return addMonthsFromAnchor(anchor, n * count * 12);
  }
}

/**
 * The period that contains `at`: start inclusive, end exclusive, so a boundary instant belongs to the period
 * it opens. `index` is how many whole periods lie between the anchor and `start` (negative before the anchor).
 */
export function periodAt(anchor: Date, interval: Interval, count: number, at: Date): Period & { index: number } {
  assertInterval(interval, count);
  assertDate(anchor, "anchor");
  assertDate(at, "at");
  let index = estimateIndex(anchor, interval, count, at);
  // The estimate is never too low (see estimateIndex); it is one too high when `at` falls earlier in its
  // month than that month's boundary (an earlier day, or the same day before the anchor's time of day).
  while (addInterval(anchor, interval, count, index).getTime() > at.getTime()) index -= 1;
  return { start: addInterval(anchor, interval, count, index), end: addInterval(anchor, interval, count, index + 1), index };
}

/** Why `trial_period_days` cannot be used, or null when it can. Omit the trial rather than pass 0. */
export function validateTrialPeriodDays(days: number): string | null {
  if (!Number.isSafeInteger(days) || days < 1) return `trial_period_days must be a whole number of at least 1; got ${days}`;
  if (days > MAX_TRIAL_PERIOD_DAYS) return `trial_period_days may be at most ${MAX_TRIAL_PERIOD_DAYS}; got ${days}`;
  return null;
}

/** When a trial of `days` whole days that starts at `start` ends: exactly days × 86,400 seconds later. */
export function trialEnd(start: Date, days: number): Date {
  assertDate(start, "start");
  const problem = validateTrialPeriodDays(days);
  if (problem) throw new RangeError(problem);
  return new Date(start.getTime() + days * DAY_MS);
}

/**
 * The first paid period after a trial. Without an explicit anchor the trial's end becomes the billing cycle
 * anchor (Stripe's default), so the period is a whole one; with an anchor it runs to the anchor's next
 * boundary, a shorter period the caller prorates.
 */
export function periodAfterTrial(end: Date, interval: Interval, count: number, anchor: Date = end): Period {
  return { start: end, end: periodAt(anchor, interval, count, end).end };
}

function addMonthsFromAnchor(anchor: Date, months: number): Date {
  const total = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(anchor.getUTCDate(), daysInMonth(year, month));
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds());
  return d;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is this month's last day.
  const d = new Date(0);
  d.setUTCFullYear(year, month + 1, 0);
  return d.getUTCDate();
}

/**
 * The index of the last period starting in or before `at`'s calendar month: exact for days and weeks; for
 * months and years, boundary e + 1 lies in a later month than `at`, so the true index is e or e − 1.
 */
function estimateIndex(anchor: Date, interval: Interval, count: number, at: Date): number {
  if (interval === "day" || interval === "week") {
    const length = count * (interval === "week" ? 7 : 1) * DAY_MS;
    return Math.floor((at.getTime() - anchor.getTime()) / length);
  }
  const months = (at.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (at.getUTCMonth() - anchor.getUTCMonth());
  return Math.floor(months / (count * (interval === "year" ? 12 : 1)));
}

function assertInterval(interval: Interval, count: number): void {
  const problem = validateInterval(interval, count);
  if (problem) throw new RangeError(problem);
}

function assertDate(d: Date, name: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid date`);
}
