// The demo subscriptions on a real PostgreSQL and the sandbox processor: a few hundred histories over 90 days
// made through the verbs and dated back — statuses in range, every invoice's totals, periods and payments
// consistent, the books balanced, the MRR rollups equal to a recomputation (in total and day by day), one
// live period run per live subscription for its current period, a timeline that reads as it happened, and
// a second seed that adds nothing.
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, events, invoiceLines, invoices, mrrRollups, payments, prices, subscriptions, type InvoiceRow, type SubscriptionRow } from "@/db/schema";
import { monthlyAmount } from "@/lib/billing/mrr";
import { periodAt, type Interval } from "@/lib/billing/periods";
import { INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { seededRandom } from "@/lib/gateways/sandbox/config";
import { checkMrrRollups } from "@/lib/overview/check-mrr-rollups";
import { checkRollups } from "@/lib/overview/check-rollups";
import { getMrrOverview } from "@/lib/overview/get-mrr-overview";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { getSubscriptionTimeline } from "@/lib/subscriptions/get-subscription-timeline";
import { notifyUpcomingRenewal } from "@/lib/subscriptions/notify-upcoming-renewal";
import { INCOMPLETE_TTL_MS, type PeriodRunData } from "@/lib/subscriptions/period-run";
import { renewSubscription } from "@/lib/subscriptions/renew-subscription";
import { makeMerchant } from "@/test/fixtures";
import { paymentsTestBed } from "@/test/payments";
import { seedDemoProducts } from "./seed-products";
import { seedDemoSubscriptions } from "./seed-subscriptions";
import { DAY, demoSubscriptionCount, planDemoSubscriptions } from "./subscription-plans";

const bed = paymentsTestBed("seedsubs");
const db = () => bed.env.h.db;
const COUNT = 300;
const sec = (d: Date) => Math.floor(d.getTime() / 1000);
const day = (d: Date) => d.toISOString().slice(0, 10);

let ctx: ServiceContext;
let now: number;
let subs: SubscriptionRow[];
let invs: InvoiceRow[];
const invoicesOf = (id: string) =>
  invs.filter((i) => i.subscription === id).sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime() || a.id.localeCompare(b.id));
const periodRuns = async (subscription: string) =>
  (
    await db()
      .select()
      .from(events)
      .where(and(eq(events.type, INTERNAL_EVENTS.subscriptionPeriod), sql`${events.data}->'object'->>'subscription' = ${subscription}`))
  ).map((e) => e.data.object as unknown as PeriodRunData);

beforeAll(async () => {
  const { merchantId } = await makeMerchant(db());
  ctx = { merchantId, livemode: false, actor: systemActor("demo-seed"), db: db() };
  await seedDemoProducts(ctx);
  now = Date.now();
  const progress: number[] = [];
  expect(await seedDemoSubscriptions(db(), ctx, { count: COUNT, now, onProgress: (n) => progress.push(n) })).toBe(COUNT);
  expect(progress).toEqual([50, 100, 150, 200, 250]);
  subs = await db().select().from(subscriptions).where(eq(subscriptions.merchantId, merchantId));
  invs = await db().select().from(invoices).where(eq(invoices.merchantId, merchantId));
}, 600_000);

describe("the demo subscriptions", () => {
  it("end in the statuses their histories planned: mostly active, some trialing, past due, canceled (now and at a period's end), a few incomplete", () => {
    expect(subs).toHaveLength(COUNT);
    const count = (f: (s: SubscriptionRow) => boolean) => subs.filter(f).length;
    const { plans } = planDemoSubscriptions(seededRandom(2027), COUNT, now);
    const planned = plans.map((p) => p.expected).sort();
    expect(subs.map((s) => s.status).sort()).toEqual(planned);
    expect(count((s) => s.status === "active")).toBeGreaterThan(COUNT * 0.6);
    expect(count((s) => s.status === "trialing")).toBeGreaterThanOrEqual(8);
    expect(count((s) => s.status === "past_due")).toBeGreaterThanOrEqual(8);
    expect(count((s) => s.status === "canceled")).toBeGreaterThanOrEqual(20);
    // Canceled now (ended when asked) and at a period's end (ended on the boundary, by the renewal a few seconds after it).
    expect(count((s) => s.status === "canceled" && s.endedAt!.getTime() === s.canceledAt!.getTime())).toBeGreaterThanOrEqual(5);
    expect(count((s) => s.status === "canceled" && s.endedAt!.getTime() < s.canceledAt!.getTime())).toBeGreaterThanOrEqual(5);
    expect(count((s) => s.status === "active" && s.cancelAtPeriodEnd)).toBeGreaterThanOrEqual(3);
    expect(count((s) => s.status === "incomplete")).toBeGreaterThanOrEqual(1);
    expect(count((s) => s.status === "incomplete_expired")).toBeGreaterThanOrEqual(1);
    // Over the last 90 days, busier lately; each a customer of its own, whose email is set and sign-up dated.
    const ages = subs.map((s) => (now - s.createdAt.getTime()) / DAY);
    expect(Math.max(...ages)).toBeLessThanOrEqual(90);
    expect(Math.max(...ages)).toBeGreaterThan(75);
    expect(ages.filter((a) => a < 45).length).toBeGreaterThan(ages.filter((a) => a >= 45).length);
    expect(new Set(subs.map((s) => s.customer)).size).toBe(COUNT);
    expect(new Set(subs.map((s) => s.currency))).toEqual(new Set(["usd", "eur"]));
  });

  it("have the calendar they stand for: anchored at the start or the trial's end, the current period around now", async () => {
    for (const s of subs) {
      const interval = s.interval as Interval;
      expect(s.billingCycleAnchor.getTime(), s.id).toBe(s.trialEnd ? s.trialEnd.getTime() : s.createdAt.getTime());
      if (s.trialStart) expect(s.trialEnd!.getTime() - s.trialStart.getTime()).toBe(14 * DAY);
      if (s.status === "trialing") expect([s.currentPeriodStart, s.currentPeriodEnd]).toEqual([s.trialStart, s.trialEnd]);
      if (s.status === "active" || s.status === "past_due") {
        const p = periodAt(s.billingCycleAnchor, interval, s.intervalCount, new Date(now));
        expect([s.currentPeriodStart.getTime(), s.currentPeriodEnd.getTime()], s.id).toEqual([p.start.getTime(), p.end.getTime()]);
      }
      if (["trialing", "active", "past_due"].includes(s.status)) {
        expect(s.currentPeriodStart.getTime()).toBeLessThanOrEqual(now);
        expect(s.currentPeriodEnd.getTime()).toBeGreaterThan(Date.now());
      }
      expect(s.updatedAt.getTime()).toBeLessThan(now);
    }
    const people = await db()
      .select()
      .from(customers)
      .where(
        inArray(
          customers.id,
          subs.map((s) => s.customer),
        ),
      );
    expect(people.every((c) => c.email?.endsWith("example.com") && c.defaultPaymentMethod)).toBe(true);
    for (const s of subs) expect(people.find((c) => c.id === s.customer)!.createdAt.getTime()).toBeLessThan(s.createdAt.getTime());
  });

  it("have one invoice per period they lived through, numbered and dated in order, totals and payments consistent", async () => {
    const lines = await db()
      .select()
      .from(invoiceLines)
      .where(
        inArray(
          invoiceLines.invoice,
          invs.map((i) => i.id),
        ),
      );
    const tries = await db()
      .select()
      .from(payments)
      .where(and(eq(payments.merchantId, ctx.merchantId), sql`${payments.metadata}->>'invoice' is not null`));
    for (const s of subs) {
      const list = invoicesOf(s.id);
      const [first, ...renewals] = list;
      expect(first!.billingReason, s.id).toBe("subscription_create");
      expect(first!.periodStart.getTime()).toBe(s.createdAt.getTime());
      // Each renewal starts where the period before it ended, on the anchor's calendar, and is keyed by it.
      let end = first!.periodEnd;
      for (const r of renewals) {
        expect(r.billingReason).toBe("subscription_cycle");
        expect(r.periodStart.getTime(), s.id).toBe(end.getTime());
        expect(r.renewalKey).toBe(`${s.id}:${r.periodStart.getTime()}`);
        expect(r.periodEnd).toEqual(periodAt(s.billingCycleAnchor, s.interval as Interval, s.intervalCount, r.periodStart).end);
        end = r.periodEnd;
      }
      // The last invoice is the current period's; every period boundary up to now (or the end) was renewed.
      if (["active", "past_due"].includes(s.status))
        expect([list.at(-1)!.periodStart, list.at(-1)!.periodEnd]).toEqual([s.currentPeriodStart, s.currentPeriodEnd]);
      if (s.status === "canceled" && s.cancellationReason === "cancellation_requested" && s.endedAt! < s.canceledAt!) expect(end).toEqual(s.endedAt);
      if (s.status === "trialing") expect(renewals).toEqual([]);
    }
    // Numbers, ids and dates agree: the histories were played in date order.
    const byNumber = [...invs].sort((a, b) => a.number!.localeCompare(b.number!));
    expect(byNumber.map((i) => i.id)).toEqual([...invs].sort((a, b) => a.id.localeCompare(b.id)).map((i) => i.id));
    expect(byNumber.map((i) => i.createdAt.getTime())).toEqual(byNumber.map((i) => i.createdAt.getTime()).sort((a, b) => a - b));
    expect(byNumber.at(-1)!.number).toBe(`KASSA-${String(invs.length).padStart(4, "0")}`);
    for (const i of invs) {
      const its = lines.filter((l) => l.invoice === i.id);
      expect(its.length, i.id).toBeGreaterThan(0);
      for (const l of its) expect([l.periodStart, l.periodEnd]).toEqual([i.periodStart, i.periodEnd]);
      const sum = its.reduce((a, l) => a + l.amount, 0n);
      expect([i.subtotal, i.total, i.amountDue]).toEqual([sum, sum, sum]);
      expect(i.customerEmail).toBeNull(); // history: no invoice email went out
      expect(i.finalizedAt).toEqual(i.createdAt);
      expect(i.createdAt.getTime()).toBeGreaterThanOrEqual(i.periodStart.getTime());
      expect(i.createdAt.getTime() - i.periodStart.getTime()).toBeLessThan(2 * 60_000);
      const its_tries = tries.filter((p) => p.metadata.invoice === i.id).sort((a, b) => a.id.localeCompare(b.id));
      expect(its_tries.length, i.id).toBe(i.attemptCount);
      for (const p of its_tries) {
        expect([p.amount, p.currency, p.customer]).toEqual([i.amountDue, i.currency, i.customer]);
        expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(i.createdAt.getTime());
        expect(p.createdAt.getTime()).toBeLessThan(now);
      }
      if (i.status === "paid") {
        expect(i.amountPaid).toBe(i.amountDue);
        expect(i.paidAt!.getTime()).toBeGreaterThanOrEqual(i.createdAt.getTime());
        if (i.amountDue === 0n) expect(its_tries).toEqual([]);
        else expect([its_tries.at(-1)!.status, its_tries.at(-1)!.id]).toEqual(["succeeded", i.payment]);
      } else {
        // Open: past due (the renewal the new card declined) or incomplete (the first payment); void: expired.
        const s = subs.find((x) => x.id === i.subscription)!;
        expect([
          ["open", "past_due"],
          ["open", "incomplete"],
          ["void", "incomplete_expired"],
        ]).toContainEqual([i.status, s.status]);
        expect(its_tries.every((p) => p.status === "requires_payment_method")).toBe(true);
        expect(i.amountPaid).toBe(0n);
      }
    }
    // A past due subscription's invoice was tried at the renewal and on the schedule's days since; the try it
    // is owed now is its dunning run's first.
    for (const s of subs.filter((x) => x.status === "past_due")) {
      const open = invoicesOf(s.id).at(-1)!;
      expect(open.status).toBe("open");
      expect(open.lastPaymentError).toMatchObject({ code: "card_declined" });
      expect(s.statusReason).toMatchObject({ code: "card_declined" });
      const owed = open.nextPaymentAttempt!.getTime();
      expect(owed).toBeLessThanOrEqual(now);
      expect([1, 2, 3, 5, 7, 10, 14].map((d) => open.periodStart.getTime() + d * DAY)).toContain(owed);
    }
  });

  it("keep the books: the ledger balances, the payment rollups and the MRR rollups equal their recomputations", async () => {
    expect((await checkMoneyInvariants(db(), { merchantId: ctx.merchantId })).problems).toEqual([]);
    expect(await checkRollups(db(), { merchantId: ctx.merchantId })).toEqual([]);
    expect(await checkMrrRollups(db(), { merchantId: ctx.merchantId })).toEqual([]);
  });

  it("put each MRR movement on the day it stands for: new MRR when the first paid period began, churn when it ended", async () => {
    const catalogue = await db().select().from(prices).where(eq(prices.merchantId, ctx.merchantId));
    const items = await db().execute(sql`select subscription, price, quantity from subscription_items where merchant_id = ${ctx.merchantId}`);
    const mrrOf = (s: SubscriptionRow) =>
      (items.rows as { subscription: string; price: string; quantity: number }[])
        .filter((i) => i.subscription === s.id)
        .reduce((sum, i) => {
          const p = catalogue.find((x) => x.id === i.price)!;
          return sum + monthlyAmount(p.unitAmount, i.quantity, p.recurringInterval as Interval, p.recurringIntervalCount!);
        }, 0n);
    const expected = new Map<string, { newMrr: bigint; churnedMrr: bigint; gained: bigint; lost: bigint }>();
    const at = (d: Date, currency: string) => {
      const key = `${day(d)}|${currency}`;
      if (!expected.has(key)) expected.set(key, { newMrr: 0n, churnedMrr: 0n, gained: 0n, lost: 0n });
      return expected.get(key)!;
    };
    for (const s of subs) {
      // Counted from its first paid invoice with something to pay (the first period, or the first after the trial).
      const firstPaid = invoicesOf(s.id).find((i) => i.status === "paid" && i.amountDue > 0n);
      if (!firstPaid) continue;
      const began = at(firstPaid.billingReason === "subscription_create" ? firstPaid.paidAt! : firstPaid.createdAt, s.currency);
      began.newMrr += mrrOf(s);
      began.gained += 1n;
      if (s.status === "canceled") {
        const ended = at(s.canceledAt!, s.currency);
        ended.churnedMrr += mrrOf(s);
        ended.lost += 1n;
      }
    }
    const rows = await db().select().from(mrrRollups).where(eq(mrrRollups.merchantId, ctx.merchantId));
    const actual = new Map(
      rows
        .filter((r) => r.newMrr || r.churnedMrr || r.subscribersGained || r.subscribersLost || r.reactivationMrr || r.expansionMrr || r.contractionMrr)
        .map((r) => {
          expect([r.reactivationMrr, r.expansionMrr, r.contractionMrr]).toEqual([0n, 0n, 0n]);
          return [`${r.day}|${r.currency}`, { newMrr: r.newMrr, churnedMrr: r.churnedMrr, gained: r.subscribersGained, lost: r.subscribersLost }];
        }),
    );
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
    // Spread over the 90 days, so the overview's figures have history to compare with.
    expect(new Set(rows.filter((r) => r.newMrr > 0n).map((r) => r.day)).size).toBeGreaterThan(60);
    const today = day(new Date(now));
    const o = await getMrrOverview({ ctx, input: { from: day(new Date(now - 29 * DAY)), to: today } });
    expect(o.currency).toBe("usd");
    expect(o.currencies).toEqual(["usd", "eur"]);
    expect(o.mrr.value).toBeGreaterThan(o.mrr.previous);
    expect(o.mrr.previous).toBeGreaterThan(0);
    expect(o.newMrr.value).toBeGreaterThan(0);
    expect(o.churnedMrr.value).toBeGreaterThan(0);
    expect(o.subscribers.value).toBe(subs.filter((s) => s.currency === "usd" && ["active", "past_due"].includes(s.status)).length);
  });

  it("leave each live subscription exactly one run, for its current period (and a past due one its dunning run); no run for a made-up period", async () => {
    const all = await db()
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, INTERNAL_EVENTS.subscriptionPeriod)));
    const live = subs.filter((s) => ["trialing", "active", "past_due", "incomplete"].includes(s.status));
    expect(all).toHaveLength(live.length + subs.filter((s) => s.status === "past_due").length);
    for (const s of subs) {
      const runs = await periodRuns(s.id);
      const current = runs.filter((r) => r.periodEnd === s.currentPeriodEnd.toISOString());
      if (live.includes(s)) {
        expect(current, s.id).toHaveLength(1);
        expect(current[0]!.periodStart).toBe(s.currentPeriodStart.toISOString());
      } else expect(runs, s.id).toEqual([]);
      if (s.status === "trialing") expect(current[0]!.trialEnd).toBe(s.trialEnd!.toISOString());
      if (s.status === "incomplete") {
        expect(current[0]!.incompleteUntil).toBe(new Date(s.createdAt.getTime() + INCOMPLETE_TTL_MS).toISOString());
        expect(Date.parse(current[0]!.incompleteUntil!)).toBeGreaterThan(now);
      }
      // A past due subscription's dunning goes on in the run of the period whose renewal failed.
      const dunning = runs.filter((r) => r.periodEnd === s.currentPeriodStart.toISOString());
      expect(dunning, s.id).toHaveLength(s.status === "past_due" ? 1 : 0);
      if (s.status === "past_due") expect(Date.parse(dunning[0]!.periodStart)).toBe(invoicesOf(s.id).at(-2)!.periodStart.getTime());
      expect(runs, s.id).toHaveLength(current.length + dunning.length);
    }
    // An active subscription renews at its current period's end, and only then: a made-up period end is
    // skipped, the last renewal's own end finds its paid invoice (a retried run) and charges nothing.
    const active = subs.find((s) => s.status === "active" && !s.cancelAtPeriodEnd && invoicesOf(s.id).length > 1)!;
    expect(active.currentPeriodEnd.getTime()).toBeGreaterThan(Date.now());
    const madeUp = new Date(active.currentPeriodEnd.getTime() - DAY);
    expect(await renewSubscription({ ctx, subscriptionId: active.id, periodEnd: madeUp })).toMatchObject({ outcome: "skipped", reason: "the period changed" });
    expect(await notifyUpcomingRenewal({ ctx, subscriptionId: active.id, periodEnd: madeUp })).toEqual({ sent: false });
    expect(await renewSubscription({ ctx, subscriptionId: active.id, periodEnd: active.currentPeriodStart })).toEqual({
      outcome: "renewed",
      invoice: invoicesOf(active.id).at(-1)!.id,
      collect: false,
    });
    expect((await db().select().from(invoices).where(eq(invoices.subscription, active.id))).length).toBe(invoicesOf(active.id).length);
  });

  it("read as they happened: events, audit rows and the dates inside the events are the history's, not the seed's", async () => {
    const ids = [...subs.map((s) => s.id), ...invs.map((i) => i.id)];
    const rows = await db()
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), inArray(sql<string>`${events.data}->'object'->>'id'`, ids)));
    expect(rows.length).toBeGreaterThan(invs.length * 2);
    for (const e of rows) {
      expect(e.createdAt.getTime(), e.type).toBeLessThan(now);
      const o = e.data.object as Record<string, unknown>;
      if (o.object === "invoice") {
        const i = invs.find((x) => x.id === o.id)!;
        expect([o.period_start, o.period_end, o.created]).toEqual([sec(i.periodStart), sec(i.periodEnd), sec(i.createdAt)]);
        expect(e.createdAt.getTime()).toBeGreaterThanOrEqual(i.createdAt.getTime() - 1000);
      }
      if (o.object === "subscription") {
        const s = subs.find((x) => x.id === o.id)!;
        expect([o.created, o.billing_cycle_anchor]).toEqual([sec(s.createdAt), sec(s.billingCycleAnchor)]);
        const boundaries = new Set(invoicesOf(s.id).flatMap((i) => [sec(i.periodStart), sec(i.periodEnd)]));
        expect(boundaries.has(o.current_period_start as number), `${e.type} ${s.id}`).toBe(true);
        expect(boundaries.has(o.current_period_end as number), `${e.type} ${s.id}`).toBe(true);
      }
    }
    // The timeline of a past due subscription: created, renewals, the failed tries, in the order they happened.
    const owing = subs.find((s) => s.status === "past_due")!;
    const { timeline } = await getSubscriptionTimeline({ ctx, id: owing.id });
    const past = timeline.filter((t) => t.kind !== "scheduled");
    // It begins with the sign-up's commit: the first invoice and the subscription, at the moment it was made.
    expect(past.filter((t) => t.at === past[0]!.at).map((t) => t.title)).toContainEqual(expect.stringMatching(/^Subscription created \(incomplete\)$/));
    expect(past.every((t) => t.at >= owing.createdAt.getTime() && t.at < now)).toBe(true);
    expect(past.map((t) => t.at)).toEqual(past.map((t) => t.at).sort((a, b) => a - b));
    expect(past.filter((t) => /^Try \d+ of invoice KASSA-\d+ failed$/.test(t.title)).length).toBe(invoicesOf(owing.id).at(-1)!.attemptCount);
    const renewalTitle = past.find((t) => t.title.startsWith("New period from"))!.title;
    const d = (x: Date) => x.toISOString().replace("T", " ").slice(0, 16);
    expect(invoicesOf(owing.id).some((i) => renewalTitle === `New period from ${d(i.periodStart)} UTC to ${d(i.periodEnd)} UTC`)).toBe(true);
  });

  it("are seeded once: a second seed adds nothing", async () => {
    expect(await seedDemoSubscriptions(db(), ctx, { count: COUNT })).toBe(0);
    expect((await db().select().from(subscriptions).where(eq(subscriptions.merchantId, ctx.merchantId))).length).toBe(COUNT);
    expect((await db().select().from(invoices).where(eq(invoices.merchantId, ctx.merchantId))).length).toBe(invs.length);
  });
});

describe("the plan", () => {
  it("is the same for the same seed and moment, and another for another seed", () => {
    const at = Date.parse("2026-12-02T12:00:00Z");
    const a = planDemoSubscriptions(seededRandom(7), 120, at);
    expect(planDemoSubscriptions(seededRandom(7), 120, at)).toEqual(a);
    expect(planDemoSubscriptions(seededRandom(8), 120, at)).not.toEqual(a);
    // Steps in date order, none later than ten minutes ago; each history's own steps in order.
    expect(a.steps.map((s) => s.at)).toEqual(a.steps.map((s) => s.at).sort((x, y) => x - y));
    expect(a.steps.every((s) => s.at <= at - 10 * 60_000 && s.at >= at - 90 * DAY)).toBe(true);
    for (const p of a.plans) expect(p.steps[0]!.kind).toBe("create");
  });

  it("reads its size from KASSA_SEED_SUBSCRIPTIONS", () => {
    expect(demoSubscriptionCount({})).toBe(300);
    expect(demoSubscriptionCount({ KASSA_SEED_SUBSCRIPTIONS: "40" })).toBe(40);
    expect(demoSubscriptionCount({ KASSA_SEED_SUBSCRIPTIONS: "0" })).toBe(0);
    expect(demoSubscriptionCount({ KASSA_SEED_SUBSCRIPTIONS: "many" })).toBe(300);
  });
});
