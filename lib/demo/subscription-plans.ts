import type { SubscriptionStatus } from "@/db/schema";
import { addInterval, type Interval } from "@/lib/billing/periods";
import { DEFAULT_BILLING_SETTINGS } from "@/lib/billing/settings";

/**
 * The demo subscriptions' histories, decided before anything is written: who subscribes to which of the
 * demo catalogue's recurring prices, when, and what happens to them until now — every renewal, a card that
 * starts declining and the dunning tries after it, cancellations now or at the period's end, an expired
 * first payment. Pure and deterministic for a seed and a `now`: lib/demo/seed-subscriptions.ts plays each
 * step through the service verbs and dates it back to the moment it stands for.
 */

export const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
export const DEMO_TRIAL_DAYS = 14;
/** Nothing in a history is later than this before `now`: a renewal due in the last minutes is left to its run. */
export const HISTORY_HORIZON = 10 * MINUTE;

export type DemoPriceKey = "monthly" | "yearly" | "rental";
export const DEMO_PRICE_INTERVALS: Readonly<Record<DemoPriceKey, { interval: Interval; count: number }>> = {
  monthly: { interval: "month", count: 1 },
  yearly: { interval: "year", count: 1 },
  rental: { interval: "month", count: 1 },
};

/**
 * What happens at a step: the subscription is made (and its first invoice paid, or not), a period ends (the
 * renewal invoiced and charged, or the subscription canceled at the period's end), the customer's card
 * starts declining, a dunning try, the customer asks to cancel at the period's end, cancels now, or an
 * unpaid first invoice expires.
 */
export type DemoStepKind = "create" | "renew" | "card_fails" | "retry" | "ask_cancel" | "cancel" | "expire";

export interface DemoStep {
  /** The moment it stands for (Unix ms). */
  at: number;
  plan: number;
  kind: DemoStepKind;
}

export type DemoCard = "pm_card_visa" | "pm_card_mastercard" | "pm_card_chargeCustomerFail";

export interface DemoPlan {
  index: number;
  price: DemoPriceKey;
  quantity: number;
  /** When the customer subscribed (Unix ms); they signed up a little before. */
  start: number;
  signedUp: number;
  trial: boolean;
  /** The card saved at sign-up. */
  card: DemoCard;
  /** The period boundaries from the billing cycle anchor (the start, or the trial's end), up to the first after `now`. */
  boundaries: number[];
  steps: DemoStep[];
  /** The status the history ends in. */
  expected: SubscriptionStatus;
}

/** Demo subscriptions wanted on first start: KASSA_SEED_SUBSCRIPTIONS (0 turns them off), 300 by default. */
export function demoSubscriptionCount(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.KASSA_SEED_SUBSCRIPTIONS ?? 300);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 10_000) : 300;
}

/** A few seconds to a minute after `at`: when a run that slept until `at` gets to it. */
const soonAfter = (at: number, random: () => number) => at + 2_000 + Math.floor(random() * 40_000);

function boundariesOf(anchor: number, price: DemoPriceKey, now: number): number[] {
  const { interval, count } = DEMO_PRICE_INTERVALS[price];
  const out: number[] = [];
  for (let i = 0; out.length === 0 || out.at(-1)! <= now; i++) out.push(addInterval(new Date(anchor), interval, count, i).getTime());
  return out;
}

/** Whether a boundary falls so near `now` that the history and the live run would both want it. */
const nearNow = (boundaries: number[], now: number) => boundaries.some((b) => b > now - HISTORY_HORIZON && b < now + HOUR);

/**
 * `count` histories over the last 90 days: mostly monthly coffee, some yearly, a quarter renting the
 * espresso machine in euros; starts busier lately (a growing business); about three in ten with a 14-day
 * trial. Most end active; some trialing, past due (a renewal the customer's new card declined, retried on
 * the merchant's schedule since), canceled (now, or at a period's end), a few with their cancellation still
 * pending, a few incomplete (their first payment declined within the last day) or expired.
 */
export function planDemoSubscriptions(
  random: () => number,
  count: number,
  now: number,
  retryDays: readonly number[] = DEFAULT_BILLING_SETTINGS.retryDays,
): { plans: DemoPlan[]; steps: DemoStep[] } {
  const plans: DemoPlan[] = [];
  for (let index = 0; index < count; index++) {
    const p = random();
    const price: DemoPriceKey = p < 0.55 ? "monthly" : p < 0.75 ? "yearly" : "rental";
    const quantity = price === "yearly" ? 1 : ((q) => (q < 0.72 ? 1 : q < 0.95 ? 2 : 3))(random());
    const card: DemoCard = random() < 0.7 ? "pm_card_visa" : "pm_card_mastercard";
    const fate = random();
    const steps: DemoStep[] = [];
    const step = (at: number, kind: DemoStepKind) => steps.push({ at, plan: index, kind });
    let plan: DemoPlan;

    if (fate < 0.02) {
      // A first payment declined in the last day: incomplete, expiring 23 hours after it was made.
      const start = now - HOUR - Math.floor(random() * 19 * HOUR);
      step(start, "create");
      plan = {
        index,
        price,
        quantity,
        start,
        signedUp: start - MINUTE,
        trial: false,
        card: "pm_card_chargeCustomerFail",
        boundaries: [],
        steps,
        expected: "incomplete",
      };
    } else if (fate < 0.04) {
      const start = now - 2 * DAY - Math.floor(random() * 85 * DAY);
      step(start, "create");
      step(soonAfter(start + 23 * HOUR, random), "expire");
      plan = {
        index,
        price,
        quantity,
        start,
        signedUp: start - MINUTE,
        trial: false,
        card: "pm_card_chargeCustomerFail",
        boundaries: [],
        steps,
        expected: "incomplete_expired",
      };
    } else {
      const owing = fate < 0.1 ? pastDue(index, random, now, retryDays, price === "yearly" ? "monthly" : price, quantity, card) : null;
      plan = owing ?? ordinary(index, random, now, price, quantity, card);
    }
    plans.push(plan);
  }
  const steps = plans.flatMap((p) => p.steps).sort((a, b) => a.at - b.at || a.plan - b.plan);
  return { plans, steps };
}

/**
 * Its last renewal (within the dunning schedule's reach) declined by the card the customer switched to
 * since: one try at the renewal, then each scheduled retry up to now but the latest, which the period's
 * dunning run makes on the first start (as after any time the portal was not running). Null when the
 * dates do not work out.
 */
function pastDue(
  index: number,
  random: () => number,
  now: number,
  retryDays: readonly number[],
  price: DemoPriceKey,
  quantity: number,
  card: DemoCard,
): DemoPlan | null {
  const lastDay = retryDays.at(-1) ?? 14;
  const lastRenewal = now - DAY - HOUR - Math.floor(random() * (Math.min(lastDay, 12) - 2) * DAY);
  const periods = 1 + Math.floor(random() * 2);
  const { interval, count } = DEMO_PRICE_INTERVALS[price];
  const start = addInterval(new Date(lastRenewal), interval, count, -periods).getTime();
  const boundaries = boundariesOf(start, price, now);
  const past = boundaries.filter((b) => b <= now - HISTORY_HORIZON);
  const failed = past.at(-1)!;
  const owed = retryDays.map((d) => failed + d * DAY).filter((at) => at <= now - HISTORY_HORIZON);
  if (past.length < 2 || owed.length === 0 || now - failed > (lastDay - 1) * DAY || nearNow(boundaries, now) || start < now - 89 * DAY) return null;
  const steps: DemoStep[] = [{ at: start, plan: index, kind: "create" }];
  let previous = start;
  for (const b of past.slice(1)) {
    if (b === failed) steps.push({ at: previous + Math.floor((b - previous) * (0.2 + 0.7 * random())), plan: index, kind: "card_fails" });
    previous = soonAfter(b, random);
    steps.push({ at: previous, plan: index, kind: "renew" });
  }
  for (const at of owed.slice(0, -1)) steps.push({ at: soonAfter(at, random), plan: index, kind: "retry" });
  return { index, price, quantity, start, signedUp: start - 5 * MINUTE, trial: false, card, boundaries, steps, expected: "past_due" };
}

/** Subscribed at some point in the 90 days (with or without a trial), renewed at every period's end since, perhaps canceled. */
function ordinary(index: number, random: () => number, now: number, price: DemoPriceKey, quantity: number, card: DemoCard): DemoPlan {
  const horizon = now - HISTORY_HORIZON;
  const trial = random() < 0.3;
  let start = now - Math.max(2 * HOUR, Math.floor(Math.pow(random(), 1.15) * 89.5 * DAY));
  const anchorOf = (s: number) => (trial ? s + DEMO_TRIAL_DAYS * DAY : s);
  let boundaries = boundariesOf(anchorOf(start), price, now);
  // A period ending just now belongs to the live run, not to the history: start an hour or two earlier.
  while (nearNow([...boundaries, anchorOf(start)], now)) {
    start -= 2 * HOUR;
    boundaries = boundariesOf(anchorOf(start), price, now);
  }
  const ending = random();
  const cancel = ending < 0.09 ? "now" : ending < 0.19 ? "at_period_end" : null;
  let asked = cancel ? start + Math.floor((0.05 + 0.9 * random()) * (horizon - start)) : Infinity;
  // Not in the same minute as a renewal (the history would not know which came first).
  if (boundaries.some((b) => Math.abs(b - asked) < 2 * MINUTE)) asked -= 5 * MINUTE;
  const steps: DemoStep[] = [{ at: start, plan: index, kind: "create" }];
  // Renewals: the trial's end (the first paid period) or each period's end after the first.
  const renewals = boundaries.filter((b, i) => (trial || i > 0) && b <= horizon);
  let expected: SubscriptionStatus = trial && boundaries[0]! > horizon ? "trialing" : "active";
  let previous = start;
  for (const b of renewals) {
    if (b > asked) {
      if (cancel === "at_period_end") {
        // The first period's end after the customer asked: the renewal cancels instead.
        steps.push({ at: soonAfter(b, random), plan: index, kind: "renew" });
        expected = "canceled";
      }
      break;
    }
    previous = soonAfter(b, random);
    steps.push({ at: previous, plan: index, kind: "renew" });
    expected = "active";
  }
  if (cancel === "now") {
    steps.push({ at: Math.max(asked, previous + MINUTE), plan: index, kind: "cancel" });
    expected = "canceled";
  } else if (cancel === "at_period_end") {
    steps.push({ at: Math.max(asked, previous + MINUTE), plan: index, kind: "ask_cancel" });
  }
  steps.sort((a, b) => a.at - b.at);
  return { index, price, quantity, start, signedUp: start - Math.floor(5 + random() * 25) * MINUTE, trial, card, boundaries, steps, expected };
}
