import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { prices, subscriptions } from "@/db/schema";
import { forEachOnFreshRoot } from "@/lib/async-root";
import { addInterval } from "@/lib/billing/periods";
import { getBillingSettings } from "@/lib/billing/settings";
import { createCustomer } from "@/lib/customers/create-customer";
import { createSetupIntent } from "@/lib/customers/create-setup-intent";
import { updateCustomer } from "@/lib/customers/update-customer";
import { seededRandom } from "@/lib/gateways/sandbox/config";
import { collectInvoice } from "@/lib/invoices/collect-invoice";
import { logger } from "@/lib/logger";
import type { ServiceContext } from "@/lib/service/context";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { expireIncompleteSubscription } from "@/lib/subscriptions/expire-incomplete-subscription";
import { renewSubscription } from "@/lib/subscriptions/renew-subscription";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";
import { dateStepBack, newHistory, type DemoHistory, type Finish, type MrrState, type StepClock } from "./backdate-subscription";
import { yieldToRequests } from "./seed-payments";
import { DEMO_PRICE_INTERVALS, DEMO_TRIAL_DAYS, DAY, planDemoSubscriptions, type DemoPlan, type DemoPriceKey, type DemoStep } from "./subscription-plans";

export { demoSubscriptionCount } from "./subscription-plans";

/** The demo catalogue's recurring prices by what they are, or null when the catalogue lacks one. */
async function demoPrices(db: Executor, ctx: ServiceContext): Promise<Record<DemoPriceKey, { id: string; currency: string }> | null> {
  const rows = await db
    .select()
    .from(prices)
    .where(and(eq(prices.merchantId, ctx.merchantId), eq(prices.livemode, ctx.livemode), eq(prices.type, "recurring"), eq(prices.active, true)))
    .orderBy(prices.id);
  const find = (currency: string, interval: string) =>
    rows.find((p) => p.currency === currency && p.recurringInterval === interval && p.recurringIntervalCount === 1);
  const [monthly, yearly, rental] = [find("usd", "month"), find("usd", "year"), find("eur", "month")];
  if (!monthly || !yearly || !rental) return null;
  const pick = (p: typeof monthly) => ({ id: p.id, currency: p.currency });
  return { monthly: pick(monthly), yearly: pick(yearly), rental: pick(rental) };
}

const FIRST = [
  "ana",
  "ben",
  "chen",
  "divya",
  "emma",
  "farid",
  "gita",
  "hugo",
  "ines",
  "jun",
  "kofi",
  "lena",
  "mateo",
  "noor",
  "omar",
  "priya",
  "rosa",
  "sami",
  "tariq",
  "uma",
];
const LAST = [
  "Alvarez",
  "Brooks",
  "Chowdhury",
  "Dubois",
  "Eze",
  "Fischer",
  "Gupta",
  "Haddad",
  "Ito",
  "Jensen",
  "Kim",
  "Larsen",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Patel",
];
const CAFES = ["Café", "Espresso Bar", "Coffee House", "Kaffeebar", "Bakery", "Roasters"];

/** A subscriber: a person for the coffee, a café for the machine rental. */
function customerOf(plan: DemoPlan, random: () => number): { name: string; email: string } {
  const first = FIRST[Math.floor(random() * FIRST.length)]!;
  const last = LAST[Math.floor(random() * LAST.length)]!;
  if (plan.price === "rental") {
    const kind = CAFES[Math.floor(random() * CAFES.length)]!;
    return { name: `${last} ${kind}`, email: `hello.${plan.index}@${last.toLowerCase()}-${kind.toLowerCase().replace(/\s+/g, "-")}.example.com` };
  }
  return { name: `${first[0]!.toUpperCase()}${first.slice(1)} ${last}`, email: `${first}.${last.toLowerCase()}.${plan.index}@example.com` };
}

interface Played {
  customer: { id: string; name: string; email: string };
  history?: DemoHistory;
  mrr: MrrState;
  failed?: boolean;
}

/**
 * A few hundred subscriptions to the demo catalogue's recurring prices over the last 90 days (the histories
 * of lib/demo/subscription-plans.ts), so the subscription pages, the invoices and the overview's MRR, new
 * and churned MRR read like a business's. Every step — sign-up with a saved card, the first invoice paid,
 * each renewal invoiced and charged, a card that starts declining and the dunning tries, cancellations,
 * an expired first payment — goes through the service verbs, with real sandbox charges and their ledger
 * entries, and is then dated back to its moment (lib/demo/backdate-subscription.ts). The steps of all the
 * histories are played in date order, so invoice numbers, ids and dates agree. Each live subscription ends
 * with the one run that renews its current period when that really ends.
 *
 * Deterministic for a seed and `now`; adds nothing if the merchant has demo subscriptions already. Yields
 * to the event loop after each step (yieldToRequests), so the portal answers meanwhile; onProgress hears
 * every `progressEvery` (50) subscriptions finished. Returns how many subscriptions it made.
 */
export async function seedDemoSubscriptions(
  db: Executor,
  ctx: ServiceContext,
  opts: { count: number; seed?: number; now?: number; onProgress?: (made: number) => void; progressEvery?: number },
): Promise<number> {
  if (opts.count <= 0) return 0;
  const [seeded] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.merchantId, ctx.merchantId), eq(subscriptions.livemode, ctx.livemode), sql`${subscriptions.metadata}->>'source' = 'demo'`))
    .limit(1);
  if (seeded) return 0;
  const catalogue = await demoPrices(db, ctx);
  if (!catalogue) return 0;
  const since = Date.now() - 60_000;
  const now = Math.min(opts.now ?? Date.now(), since + 60_000);
  const random = seededRandom(opts.seed ?? 2027);
  const { retryDays } = await getBillingSettings(db, ctx.merchantId);
  const { plans, steps } = planDemoSubscriptions(random, opts.count, now, retryDays);
  const people = plans.map((p) => customerOf(p, random));
  const last = new Map<number, DemoStep>(steps.map((s) => [s.plan, s]));
  const played = new Map<number, Played>();
  let made = 0;

  await forEachOnFreshRoot(steps, async (step) => {
    const plan = plans[step.plan]!;
    const state = played.get(plan.index);
    if (state?.failed) return;
    try {
      const done = last.get(plan.index) === step;
      await play(db, ctx, { plan, step, state, people, catalogue, since, played, finish: done });
      if (done && ++made % (opts.progressEvery ?? 50) === 0 && made < plans.length) opts.onProgress?.(made);
    } catch (err) {
      // A subscription someone changed in the portal while its history was played, say: the others go on.
      const now = played.get(plan.index);
      logger.warn({ err, subscription: now?.history?.subscription, step: step.kind }, "demo subscription left as it was");
      played.set(plan.index, { ...(now ?? { customer: { id: "", ...people[plan.index]! }, mrr: noMrr }), failed: true });
    }
    await yieldToRequests();
  });
  return made;
}

const noMrr: MrrState = { counted: false, mrr: 0n, ever: false, subscribers: 0 };

async function play(
  db: Executor,
  ctx: ServiceContext,
  a: {
    plan: DemoPlan;
    step: DemoStep;
    state: Played | undefined;
    people: { name: string; email: string }[];
    catalogue: Record<DemoPriceKey, { id: string; currency: string }>;
    since: number;
    played: Map<number, Played>;
    finish: boolean;
  },
): Promise<void> {
  const { plan, step } = a;
  const price = a.catalogue[plan.price];
  const clock: StepClock = { at: step.at, began: Date.now() };
  if (step.kind === "create") {
    const person = a.people[plan.index]!;
    // The sign-up: no email yet (history mails nobody; it is set with the last step), a card saved as the default.
    const customer = await createCustomer({ ctx, input: { name: person.name, metadata: { source: "demo" } } });
    await saveCard(ctx, customer.id, plan.card);
    clock.began = Date.now();
    const sub = await createSubscription({
      ctx,
      input: {
        customer: customer.id,
        items: [{ price: price.id, quantity: plan.quantity }],
        ...(plan.trial ? { trial_period_days: DEMO_TRIAL_DAYS } : {}),
        metadata: { source: "demo" },
      },
      // Its period's run is declared once it is dated (the period made now never exists).
      periodRun: false,
    });
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, sub.id));
    const history = newHistory({ subscription: sub.id, customer: customer.id, currency: price.currency, since: a.since }, calendarOf(plan, row!));
    const state: Played = { customer: { id: customer.id, ...person }, history, mrr: noMrr };
    a.played.set(plan.index, state);
    state.mrr = await dateStepBack(ctx, history, clock, noMrr, a.finish ? finishOf(plan, state) : undefined);
    return;
  }
  const state = a.state!;
  const h = state.history!;
  const finish = a.finish ? finishOf(plan, state) : undefined;
  const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.id, h.subscription));
  if (!sub) throw new Error(`demo subscription ${h.subscription} is gone`);
  switch (step.kind) {
    case "renew": {
      const renewal = await renewSubscription({ ctx, subscriptionId: sub.id, periodEnd: sub.currentPeriodEnd, periodRun: false });
      if (renewal.outcome === "skipped") throw new Error(`renewal skipped: ${renewal.reason}`);
      // The new invoice's period is dated first, so its charge (and a failed one's next try) is counted from it.
      state.mrr = await dateStepBack(ctx, h, clock, state.mrr, renewal.collect ? undefined : finish);
      if (!renewal.collect || !renewal.invoice) return;
      await collectInvoice({ ctx, invoiceId: renewal.invoice, now: new Date(step.at + 1_500) });
      break;
    }
    case "card_fails":
      await saveCard(ctx, state.customer.id, "pm_card_chargeCustomerFail");
      return;
    case "retry":
      await collectInvoice({ ctx, invoiceId: sub.latestInvoice!, now: new Date(step.at) });
      break;
    case "ask_cancel":
      await updateSubscription({ ctx, id: sub.id, input: { cancel_at_period_end: true } });
      break;
    case "cancel":
      await cancelSubscription({ ctx, id: sub.id, input: {} });
      break;
    case "expire":
      await expireIncompleteSubscription({ ctx, subscriptionId: sub.id });
      break;
  }
  state.mrr = await dateStepBack(ctx, h, clock, state.mrr, finish);
}

/** A sandbox test card saved through a setup intent and made the customer's default, as at sign-up. */
async function saveCard(ctx: ServiceContext, customer: string, card: string): Promise<void> {
  const setup = await createSetupIntent({ ctx, input: { customer, payment_method: card } });
  if (setup.status !== "succeeded" || !setup.payment_method) throw new Error(`could not save ${card}: ${setup.status}`);
  await updateCustomer({ ctx, id: customer, input: { invoice_settings: { default_payment_method: setup.payment_method } } });
}

/**
 * The calendar the subscription was made with (its creation, then its periods from the anchor the verb
 * chose) against the one it stands for (the plan's start, then its periods from the start or the trial's end).
 */
function calendarOf(plan: DemoPlan, made: { createdAt: Date; billingCycleAnchor: Date }): Map<number, number> {
  const { interval, count } = DEMO_PRICE_INTERVALS[plan.price];
  const anchor = plan.trial ? plan.start + DEMO_TRIAL_DAYS * DAY : plan.start;
  const map = new Map<number, number>([[made.createdAt.getTime(), plan.start]]);
  for (let i = 0; i <= plan.boundaries.length + 2; i++) {
    map.set(addInterval(made.billingCycleAnchor, interval, count, i).getTime(), addInterval(new Date(anchor), interval, count, i).getTime());
  }
  return map;
}

function finishOf(plan: DemoPlan, state: Played): Finish {
  const failed = plan.steps.filter((s) => s.kind === "renew").at(-1);
  const i = failed ? plan.boundaries.findLastIndex((b) => b <= failed.at) : -1;
  return {
    signedUp: plan.signedUp,
    email: state.customer.email,
    ...(plan.expected === "past_due" && i > 0 ? { dunningPeriod: { start: plan.boundaries[i - 1]!, end: plan.boundaries[i]! } } : {}),
  };
}
