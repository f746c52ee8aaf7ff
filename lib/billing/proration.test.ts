import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent, toDecimalString } from "@/lib/money";
import { invoiceTotals } from "./invoice-totals";
import { INTERVALS, MAX_INTERVAL_COUNT, addInterval } from "./periods";
import {
  planCancellation,
  planSubscriptionUpdate,
  prorateAmount,
  remainingTimeCharge,
  roundHalfAwayFromZero,
  unixSeconds,
  unusedTimeCredit,
  type BillingPrice,
} from "./proration";

const utc = (s: string) => new Date(`${s}Z`);
const price = (id: string, unit_amount: bigint, currency: string): BillingPrice => ({ id, unit_amount, currency, nickname: id });
const amounts = (lines: { amount: bigint }[]) => lines.map((l) => l.amount);

describe("roundHalfAwayFromZero", () => {
  it("rounds midpoints away from zero, not to even", () => {
    expect(roundHalfAwayFromZero(101n, 2n)).toBe(51n); // 50.5 → 51 (banker's: 50)
    expect(roundHalfAwayFromZero(105n, 2n)).toBe(53n); // 52.5 → 53 (banker's: 52)
    expect(roundHalfAwayFromZero(-105n, 2n)).toBe(-53n);
    expect(roundHalfAwayFromZero(1n, 3n)).toBe(0n); // 0.33
    expect(roundHalfAwayFromZero(2n, 3n)).toBe(1n); // 0.67
    expect(roundHalfAwayFromZero(-2n, 3n)).toBe(-1n);
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe("mid-period changes, hand-computed", () => {
  it("USD: upgrade 30.00 → 50.00 at 10 d 6 h into a 31-day March", () => {
    // Period 1 Mar 2028 → 1 Apr 2028 = 31 d = 2,678,400 s; change at 11 Mar 06:00 leaves 20 d 18 h = 1,792,800 s.
    // Share 1,792,800 / 2,678,400 = 83/124.
    // Credit −3000 × 83/124 = −2008.06 → −2008 (−20.08 USD); charge 5000 × 83/124 = 3346.77 → 3347 (33.47 USD).
    const period = { start: utc("2028-03-01T00:00:00"), end: utc("2028-04-01T00:00:00") };
    const at = utc("2028-03-11T06:00:00");
    const plan = planSubscriptionUpdate({
      period,
      at,
      changes: [{ from: { price: price("basic", 3000n, "usd"), quantity: 1 }, to: { price: price("pro", 5000n, "usd"), quantity: 1 } }],
      behavior: "create_prorations",
    });
    expect(amounts(plan.lines)).toEqual([-2008n, 3347n]);
    expect(plan.net).toBe(1339n);
    expect(toDecimalString(plan.net, "usd")).toBe("13.39");
    expect(plan.invoiceNow).toBe(false);
    expect(plan.lines[0]).toEqual({
      description: "Unused time on 1 × basic after 11 Mar 2028",
      amount: -2008n,
      quantity: 1,
      period: { start: at, end: period.end },
      proration: true,
      price: price("basic", 3000n, "usd"),
    });
    expect(plan.lines[1]!.description).toBe("Remaining time on 1 × pro after 11 Mar 2028");
  });

  it("JPY: quantity 3 → 5 at ¥980 in leap February, whole yen", () => {
    // Period 1 Feb 2028 → 1 Mar 2028 = 29 d = 2,505,600 s; change at 20 Feb 15:00 leaves 9 d 9 h = 810,000 s.
    // Share 810,000 / 2,505,600 = 75/232.
    // Credit −980 × 3 × 75/232 = −950.43 → −¥950; charge 980 × 5 × 75/232 = 1584.05 → ¥1584; net ¥634.
    expect(currencyExponent("jpy")).toBe(0);
    const seat = price("seat", 980n, "jpy");
    const plan = planSubscriptionUpdate({
      period: { start: utc("2028-02-01T00:00:00"), end: utc("2028-03-01T00:00:00") },
      at: utc("2028-02-20T15:00:00"),
      changes: [{ from: { price: seat, quantity: 3 }, to: { price: seat, quantity: 5 } }],
      behavior: "create_prorations",
    });
    expect(amounts(plan.lines)).toEqual([-950n, 1584n]);
    expect(plan.lines.map((l) => l.quantity)).toEqual([3, 5]);
    expect(plan.net).toBe(634n);
  });

  it("KWD: yearly downgrade 120.000 → 99.999 on 1 Jul of leap 2028, invoiced now", () => {
    // Period 1 Jan 2028 → 1 Jan 2029 = 366 d = 31,622,400 s; 1 Jul leaves 31+31+30+31+30+31 = 184 d = 15,897,600 s.
    // Share 184/366 = 92/183.
    // Credit −120000 × 92/183 = −60327.87 → −60328 fils; charge 99999 × 92/183 = 50272.72 → 50273 fils.
    // Net −10055 fils = −10.055 KWD: a credit, so the immediate invoice charges nothing and leaves the credit.
    expect(currencyExponent("kwd")).toBe(3);
    const plan = planSubscriptionUpdate({
      period: { start: utc("2028-01-01T00:00:00"), end: utc("2029-01-01T00:00:00") },
      at: utc("2028-07-01T00:00:00"),
      changes: [{ from: { price: price("gold", 120000n, "kwd"), quantity: 1 }, to: { price: price("silver", 99999n, "kwd"), quantity: 1 } }],
      behavior: "always_invoice",
    });
    expect(amounts(plan.lines)).toEqual([-60328n, 50273n]);
    expect(toDecimalString(plan.net, "kwd")).toBe("-10.055");
    expect(plan.invoiceNow).toBe(true);
    expect(invoiceTotals(plan.lines)).toEqual({ subtotal: -10055n, total: -10055n, startingBalance: 0n, amountDue: 0n, endingBalance: -10055n });
  });

  it("rounds an exact half-period midpoint away from zero in USD, JPY and KWD", () => {
    // 31-day March, change at 16 Mar 12:00 leaves 15 d 12 h = exactly half.
    // USD 1.01: 101/2 = 50.5 → 51; USD 1.05: 52.5 → 53; JPY ¥1: 0.5 → 1; KWD 0.005: 2.5 → 3 (banker's: 50, 52, 0, 2).
    const period = { start: utc("2028-03-01T00:00:00"), end: utc("2028-04-01T00:00:00") };
    const at = utc("2028-03-16T12:00:00");
    const half = (unit: bigint, currency: string) =>
      [unusedTimeCredit, remainingTimeCharge].map((f) => f({ price: price("p", unit, currency), quantity: 1 }, period, at).amount);
    expect(half(101n, "usd")).toEqual([-51n, 51n]);
    expect(half(105n, "usd")).toEqual([-53n, 53n]);
    expect(half(1n, "jpy")).toEqual([-1n, 1n]);
    expect(half(5n, "kwd")).toEqual([-3n, 3n]);
  });

  it("a change at the period's first second credits and charges the whole period", () => {
    const period = { start: utc("2028-03-01T00:00:00"), end: utc("2028-04-01T00:00:00") };
    const item = { price: price("basic", 3000n, "usd"), quantity: 2 };
    expect(unusedTimeCredit(item, period, period.start).amount).toBe(-6000n);
    // One second before the end: 6000 × 1/2,678,400 = 0.002 → 0.
    expect(unusedTimeCredit(item, period, new Date(period.end.getTime() - 1000)).amount).toBe(0n);
  });

  it("drops milliseconds: time is whole seconds", () => {
    expect(unixSeconds(utc("2028-03-11T06:00:00.999"))).toBe(unixSeconds(utc("2028-03-11T06:00:00")));
    expect(unixSeconds(new Date(-1))).toBe(-1n);
    const period = { start: utc("2028-03-01T00:00:00"), end: utc("2028-04-01T00:00:00") };
    const item = { price: price("basic", 3000n, "usd"), quantity: 1 };
    expect(unusedTimeCredit(item, period, utc("2028-03-11T06:00:00.999")).amount).toBe(-2008n);
  });
});

describe("proration_behavior and item changes", () => {
  const period = { start: utc("2028-03-01T00:00:00"), end: utc("2028-04-01T00:00:00") };
  const at = utc("2028-03-11T06:00:00"); // 83/124 of the period left, as above
  const basic = { price: price("basic", 3000n, "usd"), quantity: 1 };
  const pro = { price: price("pro", 5000n, "usd"), quantity: 1 };

  it("none makes no lines; create_prorations leaves them for the next invoice; always_invoice invoices now", () => {
    const change = [{ from: basic, to: pro }];
    expect(planSubscriptionUpdate({ period, at, changes: change, behavior: "none" })).toEqual({ lines: [], invoiceNow: false, net: 0n });
    const later = planSubscriptionUpdate({ period, at, changes: change, behavior: "create_prorations" });
    const now = planSubscriptionUpdate({ period, at, changes: change, behavior: "always_invoice" });
    expect([later.invoiceNow, now.invoiceNow]).toEqual([false, true]);
    expect(amounts(now.lines)).toEqual(amounts(later.lines));
    expect(() => planSubscriptionUpdate({ period, at, changes: change, behavior: "sometimes" as never })).toThrow(/Unknown proration_behavior/);
  });

  it("adds only a charge for a new item, only a credit for a removed one, nothing for an unchanged one", () => {
    const plan = planSubscriptionUpdate({
      period,
      at,
      changes: [
        { from: null, to: pro }, // +3347
        { from: basic, to: null }, // −2008
        { from: basic, to: { ...basic, price: { ...basic.price } } }, // same price, same quantity
      ],
      behavior: "create_prorations",
    });
    expect(amounts(plan.lines)).toEqual([3347n, -2008n]);
  });

  it("refuses two currencies, an unknown currency, and a change outside [start, end)", () => {
    const eur = { price: price("pro-eur", 5000n, "eur"), quantity: 1 };
    expect(() => planSubscriptionUpdate({ period, at, changes: [{ from: basic, to: eur }], behavior: "create_prorations" })).toThrow(
      /one currency; got usd, eur/,
    );
    const xxx = { price: price("odd", 5000n, "xxx"), quantity: 1 };
    expect(() => planSubscriptionUpdate({ period, at, changes: [{ from: null, to: xxx }], behavior: "create_prorations" })).toThrow(/Unsupported currency/);
    expect(() => planSubscriptionUpdate({ period, at: period.end, changes: [{ from: basic, to: pro }], behavior: "none" })).toThrow(/inside the period/);
    expect(() => unusedTimeCredit(basic, period, new Date(period.start.getTime() - 1000))).toThrow(/inside the period/);
    expect(() => prorateAmount(-1n, 1, 1n, 2n)).toThrow(/must not be negative/);
    expect(() => prorateAmount(100n, 1.5, 1n, 2n)).toThrow(/quantity/);
  });
});

describe("cancel now", () => {
  // April 2028 = 30 d = 720 h; cancel at 21 Apr 08:00 leaves 9 d 16 h = 232 h; share 232/720 = 29/90.
  const period = { start: utc("2028-04-01T00:00:00"), end: utc("2028-05-01T00:00:00") };
  const at = utc("2028-04-21T08:00:00");
  const items = [{ price: price("seat", 3000n, "usd"), quantity: 2 }];

  it("credits the unused time when prorating: −30.00 × 2 × 29/90 = −19.33", () => {
    // 6000 × 29/90 = 1933.33 → −1933.
    const plan = planCancellation({ period, at, items, prorate: true, invoiceNow: true });
    expect(amounts(plan.lines)).toEqual([-1933n]);
    expect(plan.lines[0]!.description).toBe("Unused time on 2 × seat after 21 Apr 2028");
    expect(plan.invoiceNow).toBe(true);
    // A final invoice of −19.33 charges nothing and leaves the customer 19.33 of credit.
    expect(invoiceTotals(plan.lines)).toMatchObject({ total: -1933n, amountDue: 0n, endingBalance: -1933n });
  });

  it("by Stripe's defaults credits nothing and invoices nothing", () => {
    expect(planCancellation({ period, at, items })).toEqual({ lines: [], invoiceNow: false, net: 0n });
  });
});

describe("proration properties", () => {
  const interval = fc.constantFrom(...INTERVALS);
  const period = fc
    .tuple(
      fc.date({ min: utc("2000-01-01T00:00:00"), max: utc("2090-12-31T00:00:00"), noInvalidDate: true }),
      interval.chain((i) => fc.tuple(fc.constant(i), fc.integer({ min: 1, max: MAX_INTERVAL_COUNT[i] }))),
      fc.integer({ min: 0, max: 24 }),
    )
    .map(([anchor, [i, c], k]) => ({ start: addInterval(anchor, i, c, k), end: addInterval(anchor, i, c, k + 1) }));
  // A period and an instant inside it, on whole seconds; the fraction picks where.
  const periodAndAt = fc.tuple(period, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })).map(([p, f]) => {
    const s = Number(unixSeconds(p.start));
    const e = Number(unixSeconds(p.end));
    return { period: p, at: new Date((s + Math.floor(f * (e - s))) * 1000) };
  });
  const item = fc.record({
    price: fc.record({ id: fc.constant("p"), unit_amount: fc.bigInt({ min: 0n, max: 99_999_999n }), currency: fc.constantFrom("usd", "jpy", "kwd") }),
    quantity: fc.integer({ min: 0, max: 10_000 }),
  });

  it("credit and charge for the same price and quantity cancel exactly", () => {
    fc.assert(
      fc.property(periodAndAt, item, ({ period, at }, x) => {
        expect(unusedTimeCredit(x, period, at).amount + remainingTimeCharge(x, period, at).amount).toBe(0n);
      }),
      { numRuns: 1000 },
    );
  });

  it("a credit is never positive and never more than the whole period's amount", () => {
    fc.assert(
      fc.property(periodAndAt, item, ({ period, at }, x) => {
        const credit = unusedTimeCredit(x, period, at).amount;
        expect(credit <= 0n).toBe(true);
        expect(-credit <= x.price.unit_amount * BigInt(x.quantity)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("the used and unused shares of a period add up to its whole amount within one minor unit", () => {
    fc.assert(
      fc.property(periodAndAt, item, ({ period, at }, x) => {
        const total = unixSeconds(period.end) - unixSeconds(period.start);
        const unused = unixSeconds(period.end) - unixSeconds(at);
        const whole = x.price.unit_amount * BigInt(x.quantity);
        const diff =
          prorateAmount(x.price.unit_amount, x.quantity, unused, total) + prorateAmount(x.price.unit_amount, x.quantity, total - unused, total) - whole;
        expect(diff >= -1n && diff <= 1n).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("rounding lands within half a unit of the exact quotient, and a tie goes away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const r = roundHalfAwayFromZero(n, d);
        const err = 2n * (r * d - n); // 2 × (rounded − exact) × d
        expect(err >= -d && err <= d).toBe(true);
        if (err === d || err === -d) expect(r * d > n === n >= 0n).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
