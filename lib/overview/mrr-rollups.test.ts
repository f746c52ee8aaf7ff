// MRR rollups: kept by triggers in the commit of every subscription change. Through the subscription verbs
// with a fake clock (new, expansion, churn, reactivation, dunning to unpaid and back, a second currency), the
// overview's figures equal hand-computed ones and the rollups equal a recomputation from the rows; random raw
// writes (as a seed or a future verb would make them) keep them exact on PostgreSQL and PGlite.
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle, Executor } from "@/db/client";
import { prices, products, subscriptionItems, subscriptions, SUBSCRIPTION_STATUSES, type SubscriptionStatus } from "@/db/schema";
import { monthlyAmount } from "@/lib/billing/mrr";
import { INTERVALS, type Interval } from "@/lib/billing/periods";
import { collectInvoice } from "@/lib/invoices/collect-invoice";
import { payInvoice } from "@/lib/invoices/pay-invoice";
import { newId } from "@/lib/ids";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { endDunning } from "@/lib/subscriptions/end-dunning";
import { pauseSubscription } from "@/lib/subscriptions/pause-subscription";
import { renewSubscription } from "@/lib/subscriptions/renew-subscription";
import { resumeSubscription } from "@/lib/subscriptions/resume-subscription";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";
import { giveCard, makeCustomer, makePrice } from "@/test/billing";
import { freshPglite } from "@/test/db";
import { errorCodeOf, makeMerchant } from "@/test/fixtures";
import { paymentsTestBed } from "@/test/payments";
import { checkMrrRollups } from "./check-mrr-rollups";
import { getMrrOverview } from "./get-mrr-overview";

const bed = paymentsTestBed("mrr");
const pg = () => bed.env.h.db;
let lite: DatabaseHandle;
beforeAll(async () => {
  lite = await freshPglite();
});
afterAll(() => lite.close());
afterEach(() => vi.useRealTimers());

const at = (iso: string) => vi.setSystemTime(new Date(`${iso}T12:00:00Z`));

describe("the MRR of one item", () => {
  it("normalises each interval to a month, rounded half up, exactly as the database's mrr_of", async () => {
    expect(monthlyAmount(3000n, 2, "month", 1)).toBe(6000n);
    expect(monthlyAmount(3000n, 1, "month", 3)).toBe(1000n);
    expect(monthlyAmount(12000n, 1, "year", 1)).toBe(1000n);
    // 1000 × 52 / 12 = 4333.33…; 100 × 365 / 12 = 3041.66…; 1 × 52 / 24 = 2.1666… ; 3 / 2 = 1.5 → 2 (half up).
    expect(monthlyAmount(1000n, 1, "week", 1)).toBe(4333n);
    expect(monthlyAmount(100n, 1, "day", 1)).toBe(3042n);
    expect(monthlyAmount(1n, 1, "week", 2)).toBe(2n);
    expect(monthlyAmount(3n, 1, "month", 2)).toBe(2n);
    expect(monthlyAmount(0n, 5, "year", 1)).toBe(0n);
    // A yen price and a three-decimal dinar price are minor units like any other: no exponent in the rule.
    expect(monthlyAmount(9800n, 1, "year", 1)).toBe(817n);
    expect(monthlyAmount(1250n, 3, "week", 1)).toBe(16250n);
    expect(() => monthlyAmount(-1n, 1, "month", 1)).toThrow(RangeError);

    const grid = fc.tuple(
      fc.bigInt({ min: 0n, max: 99_999_999n }),
      fc.integer({ min: 0, max: 10_000 }),
      fc.constantFrom(...INTERVALS),
      fc.integer({ min: 1, max: 36 }),
    );
    const samples = fc.sample(grid, { numRuns: 300, seed: 15 });
    const values = sql.join(
      samples.map(([a, q, iv, n]) => sql`(${a.toString()}::bigint, ${q}::int, ${iv}::text, ${n}::int)`),
      sql`, `,
    );
    const result = (await lite.db.execute(sql`select mrr_of(a, q, iv, n)::text as m from (values ${values}) v(a, q, iv, n)`)) as unknown as {
      rows: { m: string }[];
    };
    expect(result.rows.map((r) => BigInt(r.m))).toEqual(samples.map(([a, q, iv, n]) => monthlyAmount(a, q, iv as Interval, n)));
  });
});

describe("through the subscription verbs", () => {
  it("new, expansion, churn, pause and resume, dunning to unpaid and back: the overview's figures and the rollups are exact", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at("2027-01-10");
    const ctx = await bed.merchant();
    const other = await bed.merchant();
    const monthly = await makePrice(ctx, { amount: 3000, name: "Team" }); // 3000 / month
    const yearly = await makePrice(ctx, { amount: 12000, interval: "year", name: "Annual" }); // 1000 / month
    const weekly = await makePrice(ctx, { amount: 1000, interval: "week", name: "Weekly" }); // 4333 / month
    const euro = await makePrice(ctx, { amount: 900, currency: "eur", name: "Euro" });
    const ada = await makeCustomer(ctx);
    const bob = await makeCustomer(ctx);
    const cy = await makeCustomer(ctx);

    const team = await createSubscription({ ctx, input: { customer: ada.customer, items: [{ price: monthly.id, quantity: 2 }] } }); // +6000 new
    const annual = await createSubscription({ ctx, input: { customer: ada.customer, items: [{ price: yearly.id }] } }); // +1000 new, same subscriber
    const trial = await createSubscription({ ctx, input: { customer: bob.customer, items: [{ price: monthly.id }], trial_period_days: 14 } });
    await createSubscription({ ctx, input: { customer: cy.customer, items: [{ price: euro.id }] } }); // EUR
    const noCard = await makeCustomer(ctx, null);
    const incomplete = await createSubscription({ ctx, input: { customer: noCard.customer, items: [{ price: monthly.id }] } });
    expect(incomplete.status).toBe("incomplete"); // never counts until its first invoice is paid
    // Another merchant's subscription never shows here.
    const theirs = await makeCustomer(other);
    await createSubscription({ ctx: other, input: { customer: theirs.customer, items: [{ price: (await makePrice(other, { amount: 99900 })).id }] } });

    at("2027-01-12");
    const dunned = await createSubscription({ ctx, input: { customer: cy.customer, items: [{ price: weekly.id }] } }); // +4333 new

    at("2027-01-15");
    await updateSubscription({ ctx, id: team.id, input: { items: [{ id: team.items.data[0]!.id, quantity: 3 }] } }); // +3000 expansion

    // Range 16–31 Jan against 31 Dec–15 Jan.
    at("2027-01-19");
    // A renewal the new card cannot pay: past_due still counts; dunning's end makes it unpaid (churn).
    await giveCard(ctx, cy.customer, "pm_card_chargeCustomerFail");
    const renewal = await renewSubscription({ ctx, subscriptionId: dunned.id, periodEnd: new Date(dunned.current_period_end * 1000) });
    expect((await collectInvoice({ ctx, invoiceId: renewal.invoice! })).status).toBe("failed");
    expect((await subscriptionRow(dunned.id)).status).toBe("past_due");
    at("2027-01-20");
    await cancelSubscription({ ctx, id: annual.id, input: {} }); // −1000 churn
    at("2027-01-21");
    await endDunning({ ctx, subscriptionId: dunned.id, invoiceId: renewal.invoice! }); // −4333 churn, Cy still subscribes in EUR only
    expect((await subscriptionRow(dunned.id)).status).toBe("unpaid");
    at("2027-01-24");
    const trialEnd = new Date(trial.trial_end! * 1000);
    await renewSubscription({ ctx, subscriptionId: trial.id, periodEnd: trialEnd }); // trial over: +3000 new
    at("2027-01-25");
    await pauseSubscription({ ctx, id: team.id }); // −9000 churn, Ada no longer subscribes
    at("2027-01-26");
    await resumeSubscription({ ctx, id: team.id }); // +9000 reactivation
    at("2027-01-28");
    const card = await giveCard(ctx, cy.customer, "pm_card_visa");
    await payInvoice({ ctx, id: renewal.invoice!, input: { payment_method: card } }); // unpaid → active: +4333 reactivation
    expect((await subscriptionRow(dunned.id)).status).toBe("active");

    const o = await getMrrOverview({ ctx, input: { from: "2027-01-16", to: "2027-01-31" } });
    expect(o.currency).toBe("usd");
    expect(o.currencies).toEqual(["usd", "eur"]);
    expect(o.previous).toEqual({ from: "2026-12-31", to: "2027-01-15" });
    // End of the previous period: team 9000 + annual 1000 + weekly 4333; now team 9000 + trial 3000 + weekly 4333.
    expect(o.mrr).toEqual({ value: 16333, previous: 14333, change: 14 });
    expect(o.newMrr).toEqual({ value: 3000, previous: 11333, change: -73.5 });
    expect(o.churnedMrr).toEqual({ value: 1000 + 4333 + 9000, previous: 0, change: null });
    expect(o.reactivationMrr).toBe(9000 + 4333);
    expect(o.expansionMrr).toBe(0);
    // Subscribers in USD: Ada and Cy before; Ada, Bob and Cy now.
    expect(o.subscribers).toEqual({ value: 3, previous: 2, change: 50 });
    const first = await getMrrOverview({ ctx, input: { from: "2027-01-10", to: "2027-01-15" } });
    expect(first).toMatchObject({ mrr: { value: 14333, previous: 0 }, newMrr: { value: 11333 }, expansionMrr: 3000, subscribers: { value: 2 } });
    const eur = await getMrrOverview({ ctx, input: { from: "2027-01-16", to: "2027-01-31", currency: "eur" } });
    expect(eur).toMatchObject({ currency: "eur", mrr: { value: 900, previous: 900 }, subscribers: { value: 1, previous: 1 } });
    const theirsNow = await getMrrOverview({ ctx: other, input: { from: "2027-01-10", to: "2027-01-31" } });
    expect(theirsNow).toMatchObject({ currency: "usd", mrr: { value: 99900 }, subscribers: { value: 1 } });
    // Live mode has none of it.
    expect((await getMrrOverview({ ctx: { ...ctx, livemode: true }, input: { from: "2027-01-10", to: "2027-01-31" } })).mrr.value).toBe(0);

    expect(await checkMrrRollups(pg(), { merchantId: ctx.merchantId })).toEqual([]);
    expect(await checkMrrRollups(pg(), { merchantId: other.merchantId })).toEqual([]);
    // Every role reads it; a restricted key needs subscriptions.
    for (const role of ["analyst", "support", "developer"] as const) {
      const member = { ...ctx, actor: { type: "user" as const, id: "usr_x" }, role };
      expect((await getMrrOverview({ ctx: member, input: { from: "2027-01-16", to: "2027-01-31" } })).mrr.value, role).toBe(16333);
    }
    const key = (grants: Record<string, "read" | "write">) => ({ ...ctx, actor: { type: "api_key" as const, id: "key_x" }, keyPermissions: grants });
    expect(await errorCodeOf(getMrrOverview({ ctx: key({ payments: "read" }), input: { from: "2027-01-16", to: "2027-01-31" } }))).toBe("permission_denied");
    expect((await getMrrOverview({ ctx: key({ subscriptions: "read" }), input: { from: "2027-01-16", to: "2027-01-31" } })).mrr.value).toBe(16333);
    // Bad ranges are the overview's own errors.
    expect(await errorCodeOf(getMrrOverview({ ctx, input: { from: "2027-01-31", to: "2027-01-01" } }))).toBe("parameter_invalid");
    expect(await errorCodeOf(getMrrOverview({ ctx, input: { from: "2027-01-31" } }))).toBe("parameter_missing");
  });

  it("a drifted rollup is noticed", async () => {
    const ctx = await bed.merchant();
    const { customer } = await makeCustomer(ctx);
    await createSubscription({ ctx, input: { customer, items: [{ price: (await makePrice(ctx)).id }] } });
    expect(await checkMrrRollups(pg(), { merchantId: ctx.merchantId })).toEqual([]);
    await pg().execute(sql`update mrr_rollups set new_mrr = new_mrr + 1 where merchant_id = ${ctx.merchantId}`);
    expect(await checkMrrRollups(pg(), { merchantId: ctx.merchantId })).toHaveLength(1);
    await pg().execute(sql`update mrr_rollups set new_mrr = new_mrr - 1 where merchant_id = ${ctx.merchantId}`);
    await pg().execute(sql`update subscription_mrr set mrr = mrr + 1 where merchant_id = ${ctx.merchantId}`);
    const problems = await checkMrrRollups(pg(), { merchantId: ctx.merchantId });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^subscription sub_\w+: expected counted 2000, rollup counted 2001$/);
    expect(problems[1]).toMatch(/movements sum to 2000 MRR and 1 subscribers, now 2001 and 1$/);
  });
});

const subscriptionRow = async (id: string) => (await pg().select().from(subscriptions).where(eq(subscriptions.id, id)))[0]!;

// Raw writes, as a seed or a webhook handler would make them: subscriptions in any status, items added,
// changed and removed, statuses moved, on any of a few days.
const rawOp = fc.oneof(
  fc.record({
    kind: fc.constant("subscribe" as const),
    customer: fc.integer({ min: 0, max: 3 }),
    status: fc.constantFrom(...SUBSCRIPTION_STATUSES),
    price: fc.nat(),
    quantity: fc.integer({ min: 1, max: 20 }),
    daysAgo: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constant("status" as const),
    target: fc.nat(),
    status: fc.constantFrom(...SUBSCRIPTION_STATUSES),
    daysAgo: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({ kind: fc.constant("addItem" as const), target: fc.nat(), price: fc.nat(), quantity: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant("quantity" as const), target: fc.nat(), quantity: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant("removeItem" as const), target: fc.nat() }),
);
type RawOp = typeof rawOp extends fc.Arbitrary<infer T> ? T : never;

const PRICES: { amount: bigint; interval: Interval; count: number; currency: string }[] = [
  { amount: 2500n, interval: "month", count: 1, currency: "usd" },
  { amount: 99900n, interval: "year", count: 1, currency: "usd" },
  { amount: 1000n, interval: "week", count: 2, currency: "usd" },
  { amount: 150n, interval: "day", count: 1, currency: "usd" },
  { amount: 4900n, interval: "month", count: 3, currency: "eur" },
];

async function catalogue(db: Executor, merchantId: string): Promise<string[]> {
  const product = newId("product");
  await db.insert(products).values({ id: product, merchantId, livemode: false, name: "Raw" });
  const ids = PRICES.map(() => newId("price"));
  await db.insert(prices).values(
    PRICES.map((p, i) => ({
      id: ids[i]!,
      merchantId,
      livemode: false,
      product,
      currency: p.currency,
      unitAmount: p.amount,
      type: "recurring" as const,
      recurringInterval: p.interval,
      recurringIntervalCount: p.count,
    })),
  );
  return ids;
}

const DAY = 86_400_000;
type Made = { prices: string[]; subs: { id: string; currency: string }[]; items: string[] };

async function applyRaw(db: Executor, merchantId: string, made: Made, o: RawOp): Promise<void> {
  const pick = <T>(list: T[], n: number) => list[n % Math.max(1, list.length)];
  switch (o.kind) {
    case "subscribe": {
      const priceIndex = o.price % PRICES.length;
      const price = PRICES[priceIndex]!;
      const id = newId("subscription");
      const when = new Date(Date.now() - o.daysAgo * DAY);
      made.subs.push({ id, currency: price.currency });
      await db.insert(subscriptions).values({
        id,
        merchantId,
        livemode: false,
        customer: `cus_raw${o.customer}${merchantId.slice(-6)}`,
        status: o.status as SubscriptionStatus,
        currency: price.currency,
        interval: price.interval,
        intervalCount: price.count,
        billingCycleAnchor: when,
        currentPeriodStart: when,
        currentPeriodEnd: new Date(when.getTime() + 30 * DAY),
        createdAt: when,
        updatedAt: when,
      });
      const item = newId("subscriptionItem");
      made.items.push(item);
      await db
        .insert(subscriptionItems)
        .values({ id: item, merchantId, livemode: false, subscription: id, price: made.prices[priceIndex]!, quantity: o.quantity });
      return;
    }
    case "status": {
      const sub = pick(made.subs, o.target);
      if (sub)
        await db
          .update(subscriptions)
          .set({ status: o.status as SubscriptionStatus, updatedAt: new Date(Date.now() - o.daysAgo * DAY) })
          .where(eq(subscriptions.id, sub.id));
      return;
    }
    case "addItem": {
      const sub = pick(made.subs, o.target);
      // Items share their subscription's currency; any interval will do for the arithmetic.
      const priceIndex = PRICES.findIndex((p, i) => p.currency === sub?.currency && i >= o.price % PRICES.length);
      if (!sub || priceIndex < 0) return;
      const item = newId("subscriptionItem");
      made.items.push(item);
      await db
        .insert(subscriptionItems)
        .values({ id: item, merchantId, livemode: false, subscription: sub.id, price: made.prices[priceIndex]!, quantity: o.quantity });
      return;
    }
    case "quantity": {
      const item = pick(made.items, o.target);
      if (item) await db.update(subscriptionItems).set({ quantity: o.quantity }).where(eq(subscriptionItems.id, item));
      return;
    }
    case "removeItem": {
      const item = pick(made.items, o.target);
      if (!item) return;
      made.items.splice(made.items.indexOf(item), 1);
      await db.delete(subscriptionItems).where(eq(subscriptionItems.id, item));
    }
  }
}

describe("rollups equal a recomputation from the subscriptions", () => {
  it("after random raw writes on PGlite", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rawOp, { minLength: 1, maxLength: 30 }), async (ops) => {
        const { merchantId } = await makeMerchant(lite.db);
        const made: Made = { prices: await catalogue(lite.db, merchantId), subs: [], items: [] };
        for (const o of ops) await applyRaw(lite.db, merchantId, made, o);
        expect(await checkMrrRollups(lite.db, { merchantId })).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("after random raw writes in concurrent transactions on PostgreSQL", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(rawOp, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), async (batches) => {
        const { merchantId } = await makeMerchant(pg());
        const made: Made = { prices: await catalogue(pg(), merchantId), subs: [], items: [] };
        for (const batch of batches) {
          // Each batch in transactions of their own, all at once: customers' subscriber counts and the rollup
          // rows are shared between them. A deadlock between two raw writers is retried, as a caller would.
          const results = await Promise.allSettled(batch.map((o) => retryDeadlock(() => pg().transaction((tx) => applyRaw(tx, merchantId, made, o)))));
          for (const r of results) if (r.status === "rejected") throw r.reason;
        }
        expect(await checkMrrRollups(pg(), { merchantId })).toEqual([]);
      }),
      {
        numRuns: 60,
        // Interleavings property runs found (timing decides whether they race, so they run first each time):
        // an item added while a status changes, and an item added before its subscription's insert committed.
        examples: [
          [
            [
              [
                { kind: "subscribe", customer: 0, status: "incomplete", price: 0, quantity: 1, daysAgo: 0 },
                { kind: "removeItem", target: 0 },
              ],
              [{ kind: "status", target: 0, status: "active", daysAgo: 0 }],
              [
                { kind: "status", target: 0, status: "paused", daysAgo: 1 },
                { kind: "addItem", target: 0, price: 0, quantity: 16 },
              ],
            ],
          ],
          [
            [
              [
                { kind: "subscribe", customer: 1, status: "past_due", price: 1, quantity: 10, daysAgo: 0 },
                { kind: "addItem", target: 0, price: 0, quantity: 20 },
              ],
            ],
          ],
        ],
      },
    );
  }, 180_000);
});

async function retryDeadlock<T>(run: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      if (code !== "40P01" || i >= 3) throw error;
    }
  }
}
