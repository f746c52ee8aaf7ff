import { currencyExponent } from "@/lib/money";
import type { Period } from "./periods";

/**
 * Proration as Stripe Billing does it by default: to the second. A change at time t inside a period
 * [start, end) credits the unused time of what the customer had and charges the remaining time of what they
 * have now, each line
 *
 *   amount = round(unit_amount × quantity × (end − t) / (end − start))
 *
 * in the currency's minor units, with bigint throughout: the product is formed first and divided once, so
 * there is no intermediate rounding and no float. Amounts are already minor units (cents, yen, fils), so
 * the currency's exponent changes nothing in the arithmetic; it is checked so that an unknown currency or two
 * currencies on one subscription never reach an invoice.
 *
 * Rounding: Stripe's documentation does not state its rule, so Kassa rounds half up on the line's magnitude
 * and then applies the sign, i.e. half away from zero (0.5 → 1, −0.5 → −1). A credit is then exactly the
 * negative of the charge it reverses, which a half-up-towards-+∞ rule would break at every midpoint.
 * Time is whole Unix seconds, as Stripe's timestamps are; milliseconds are dropped (floor).
 */

export const PRORATION_BEHAVIORS = ["create_prorations", "none", "always_invoice"] as const;
export type ProrationBehavior = (typeof PRORATION_BEHAVIORS)[number];

export interface BillingPrice {
  id: string;
  /** Minor units per unit per period. */
  unit_amount: bigint;
  currency: string;
  /** Shown in line descriptions; the id when absent. */
  nickname?: string;
}

export interface SubscriptionItemState {
  price: BillingPrice;
  quantity: number;
}

export interface ProrationLine {
  description: string;
  amount: bigint;
  quantity: number;
  period: Period;
  proration: true;
  price: BillingPrice;
}

/**
 * What a change does to money, decided without doing it: the lines to add and whether they go on an invoice
 * now (`always_invoice`, cancel with `invoice_now`) or wait as pending items for the next one.
 */
export interface ProrationPlan {
  lines: ProrationLine[];
  invoiceNow: boolean;
  /** Sum of the lines: positive is owed by the customer, negative is credit. */
  net: bigint;
}

/** numerator / denominator rounded half away from zero; denominator > 0. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

/** The share of a full period's price for `remainingSeconds` of a `periodSeconds` period, rounded as above. */
export function prorateAmount(unitAmount: bigint, quantity: number, remainingSeconds: bigint, periodSeconds: bigint): bigint {
  if (unitAmount < 0n) throw new RangeError("unit_amount must not be negative");
  assertQuantity(quantity);
  if (periodSeconds <= 0n) throw new RangeError("the period must last at least one second");
  if (remainingSeconds < 0n || remainingSeconds > periodSeconds) throw new RangeError("remaining time must lie within the period");
  return roundHalfAwayFromZero(unitAmount * BigInt(quantity) * remainingSeconds, periodSeconds);
}

/** The credit (a negative line) for the time from `at` to the period's end that was paid for and will not be used. */
export function unusedTimeCredit(item: SubscriptionItemState, period: Period, at: Date): ProrationLine {
  return line(item, period, at, -1n, "Unused time on");
}

/** The charge for the time from `at` to the period's end on the item as it is after the change. */
export function remainingTimeCharge(item: SubscriptionItemState, period: Period, at: Date): ProrationLine {
  return line(item, period, at, 1n, "Remaining time on");
}

/**
 * A subscription update at `at`: each change replaces an item (`from` → `to`), adds one (`from` null) or
 * removes one (`to` null). A quantity change is a credit for the old quantity and a charge for the new one,
 * as Stripe shows it, not one line for the difference. Items that do not change make no lines.
 */
export function planSubscriptionUpdate(args: {
  period: Period;
  at: Date;
  changes: ReadonlyArray<{ from: SubscriptionItemState | null; to: SubscriptionItemState | null }>;
  behavior: ProrationBehavior;
}): ProrationPlan {
  const { period, at, changes, behavior } = args;
  if (!PRORATION_BEHAVIORS.includes(behavior)) throw new RangeError(`Unknown proration_behavior: ${behavior}`);
  const items = changes.flatMap((c) => [c.from, c.to]).filter((i): i is SubscriptionItemState => i !== null);
  assertOneCurrency(items);
  assertInside(period, at);
  if (behavior === "none") return { lines: [], invoiceNow: false, net: 0n };
  const lines: ProrationLine[] = [];
  for (const { from, to } of changes) {
    if (from && to && samePrice(from.price, to.price) && from.quantity === to.quantity) continue;
    if (from) lines.push(unusedTimeCredit(from, period, at));
    if (to) lines.push(remainingTimeCharge(to, period, at));
  }
  return plan(lines, behavior === "always_invoice");
}

/**
 * Cancelling now. With `prorate` the unused rest of the period is credited per item; with `invoiceNow`
 * those lines (and anything else pending) go on a final invoice at once. Stripe's defaults are both false:
 * the customer keeps no credit and nothing is invoiced.
 */
export function planCancellation(args: {
  period: Period;
  at: Date;
  items: readonly SubscriptionItemState[];
  prorate?: boolean;
  invoiceNow?: boolean;
}): ProrationPlan {
  const { period, at, items, prorate = false, invoiceNow = false } = args;
  assertOneCurrency(items);
  assertInside(period, at);
  return plan(prorate ? items.map((item) => unusedTimeCredit(item, period, at)) : [], invoiceNow);
}

function plan(lines: ProrationLine[], invoiceNow: boolean): ProrationPlan {
  return { lines, invoiceNow, net: lines.reduce((sum, l) => sum + l.amount, 0n) };
}

function line(item: SubscriptionItemState, period: Period, at: Date, sign: bigint, verb: string): ProrationLine {
  assertInside(period, at);
  currencyExponent(item.price.currency);
  const end = unixSeconds(period.end);
  const amount = prorateAmount(item.price.unit_amount, item.quantity, end - unixSeconds(at), end - unixSeconds(period.start));
  return {
    description: `${verb} ${item.quantity} × ${item.price.nickname ?? item.price.id} after ${dayMonthYear(at)}`,
    // Negating a zero credit would still be 0n; there is no negative zero in bigint.
    amount: sign * amount,
    quantity: item.quantity,
    period: { start: at, end: period.end },
    proration: true,
    price: item.price,
  };
}

function samePrice(a: BillingPrice, b: BillingPrice): boolean {
  return a.id === b.id && a.unit_amount === b.unit_amount && a.currency.toLowerCase() === b.currency.toLowerCase();
}

function assertOneCurrency(items: readonly SubscriptionItemState[]): void {
  const currencies = new Set(items.map((i) => i.price.currency.toLowerCase()));
  // currencyExponent throws for a currency Kassa does not know.
  for (const c of currencies) currencyExponent(c);
  if (currencies.size > 1) throw new RangeError(`All items of a subscription share one currency; got ${[...currencies].join(", ")}`);
}

function assertInside(period: Period, at: Date): void {
  const [s, e, t] = [unixSeconds(period.start), unixSeconds(period.end), unixSeconds(at)];
  if (e <= s) throw new RangeError("the period must last at least one second");
  if (t < s || t >= e) throw new RangeError("the change must fall inside the period [start, end)");
}

function assertQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a whole number ≥ 0; got ${quantity}`);
}

/** Whole Unix seconds, floored, without going through a float. */
export function unixSeconds(d: Date): bigint {
  const ms = BigInt(d.getTime());
  const s = ms / 1000n;
  return ms < 0n && ms % 1000n !== 0n ? s - 1n : s;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "11 Mar 2028", in UTC, as on Stripe's proration lines. */
function dayMonthYear(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
