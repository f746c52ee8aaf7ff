import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERVALS, MAX_INTERVAL_COUNT, addInterval, periodAt, periodAfterTrial, trialEnd, validateInterval, validateTrialPeriodDays } from "./periods";

const utc = (s: string) => new Date(`${s}Z`);
const iso = (d: Date) => d.toISOString();
const boundaries = (anchor: Date, interval: Parameters<typeof addInterval>[1], count: number, n: number) =>
  Array.from({ length: n + 1 }, (_, i) => iso(addInterval(anchor, interval, count, i)));

describe("addInterval, months counted from the anchor", () => {
  it("keeps a Jan 31 anchor's day whenever the month has it, over two years with leap 2028", () => {
    // Each boundary is anchor + i months with the day clamped to that month's last day; a chained
    // computation would stick at the 29th/28th after February.
    const at = (d: string) => `${d}T10:30:00.000Z`;
    expect(boundaries(utc("2028-01-31T10:30:00"), "month", 1, 24)).toEqual(
      [
        "2028-01-31",
        "2028-02-29", // 2028 is a leap year
        "2028-03-31",
        "2028-04-30",
        "2028-05-31",
        "2028-06-30",
        "2028-07-31",
        "2028-08-31",
        "2028-09-30",
        "2028-10-31",
        "2028-11-30",
        "2028-12-31",
        "2029-01-31",
        "2029-02-28", // 2029 is not
        "2029-03-31",
        "2029-04-30",
        "2029-05-31",
        "2029-06-30",
        "2029-07-31",
        "2029-08-31",
        "2029-09-30",
        "2029-10-31",
        "2029-11-30",
        "2029-12-31",
        "2030-01-31",
      ].map(at),
    );
  });

  it("clamps the 29th and 30th only in February, then returns to them", () => {
    // 2027 is not a leap year, 2028 is.
    expect(boundaries(utc("2027-01-30T00:00:00"), "month", 1, 3)).toEqual(
      ["2027-01-30", "2027-02-28", "2027-03-30", "2027-04-30"].map((d) => `${d}T00:00:00.000Z`),
    );
    expect(iso(addInterval(utc("2027-01-30T00:00:00"), "month", 1, 13))).toBe("2028-02-29T00:00:00.000Z");
    expect(boundaries(utc("2027-01-29T00:00:00"), "month", 1, 2)).toEqual(["2027-01-29", "2027-02-28", "2027-03-29"].map((d) => `${d}T00:00:00.000Z`));
    expect(iso(addInterval(utc("2027-01-29T00:00:00"), "month", 1, 13))).toBe("2028-02-29T00:00:00.000Z");
    // The 28th never needs clamping.
    expect(iso(addInterval(utc("2027-01-28T00:00:00"), "month", 1, 1))).toBe("2027-02-28T00:00:00.000Z");
    expect(iso(addInterval(utc("2027-01-28T00:00:00"), "month", 1, 13))).toBe("2028-02-28T00:00:00.000Z");
  });

  it("counts quarters (count 3) from a Nov 30 anchor across the leap February", () => {
    expect(boundaries(utc("2027-11-30T08:00:00"), "month", 3, 4)).toEqual(
      ["2027-11-30", "2028-02-29", "2028-05-30", "2028-08-30", "2028-11-30"].map((d) => `${d}T08:00:00.000Z`),
    );
  });

  it("counts back from the anchor for negative n", () => {
    // Jan 31 − 1 month = Dec 31; − 2 = Nov 30 (no 31st); − 11 = Feb 28 2027.
    expect(iso(addInterval(utc("2028-01-31T00:00:00"), "month", 1, -1))).toBe("2027-12-31T00:00:00.000Z");
    expect(iso(addInterval(utc("2028-01-31T00:00:00"), "month", 1, -2))).toBe("2027-11-30T00:00:00.000Z");
    expect(iso(addInterval(utc("2028-01-31T00:00:00"), "month", 1, -11))).toBe("2027-02-28T00:00:00.000Z");
  });
});

describe("addInterval, years, weeks and days", () => {
  it("bills a Feb 29 yearly anchor on Feb 28 in common years and Feb 29 in leap years", () => {
    expect(boundaries(utc("2028-02-29T12:00:00"), "year", 1, 4)).toEqual(
      ["2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"].map((d) => `${d}T12:00:00.000Z`),
    );
    // Every two years: 2030 (common) then 2032 (leap).
    expect(boundaries(utc("2028-02-29T12:00:00"), "year", 2, 2)).toEqual(["2028-02-29", "2030-02-28", "2032-02-29"].map((d) => `${d}T12:00:00.000Z`));
    expect(iso(addInterval(utc("2028-02-29T12:00:00"), "year", 1, -1))).toBe("2027-02-28T12:00:00.000Z");
  });

  it("adds whole weeks and days with counts, across the leap day", () => {
    // Friday 3 Mar 2028, every 2 weeks: +14 d = 17 Mar, +42 d = 14 Apr (still a Friday).
    expect(iso(addInterval(utc("2028-03-03T09:00:00"), "week", 2))).toBe("2028-03-17T09:00:00.000Z");
    expect(iso(addInterval(utc("2028-03-03T09:00:00"), "week", 2, 3))).toBe("2028-04-14T09:00:00.000Z");
    expect(addInterval(utc("2028-03-03T09:00:00"), "week", 2, 3).getUTCDay()).toBe(5);
    // 25 Feb 2028 + 10 days: 26, 27, 28, 29 Feb, then 1–6 Mar.
    expect(iso(addInterval(utc("2028-02-25T00:00:00"), "day", 10))).toBe("2028-03-06T00:00:00.000Z");
    // The same in 2027 (no 29th) lands a day later.
    expect(iso(addInterval(utc("2027-02-25T00:00:00"), "day", 10))).toBe("2027-03-07T00:00:00.000Z");
    expect(iso(addInterval(utc("2028-01-01T00:00:00"), "day", 1095))).toBe("2030-12-31T00:00:00.000Z"); // 366 + 365 + 364
  });

  it("refuses intervals Stripe refuses", () => {
    expect(() => addInterval(utc("2028-01-01T00:00:00"), "month", 37)).toThrow(/at most 3 years/);
    expect(() => addInterval(utc("2028-01-01T00:00:00"), "month", 1, 1.5)).toThrow(RangeError);
    expect(() => addInterval(new Date(NaN), "month", 1)).toThrow(/anchor is not a valid date/);
  });
});

describe("validateInterval", () => {
  it("allows up to three years in each unit and nothing beyond", () => {
    for (const [interval, max] of [
      ["day", 1095],
      ["week", 156],
      ["month", 36],
      ["year", 3],
    ] as const) {
      expect(validateInterval(interval, max)).toBeNull();
      expect(validateInterval(interval, 1)).toBeNull();
      expect(validateInterval(interval, max + 1)).toBe(`A billing period may last at most 3 years (${max} ${interval}s); got ${max + 1} ${interval}s`);
    }
  });

  it("wants a whole count of at least 1 and a known unit", () => {
    expect(validateInterval("month", 0)).toMatch(/at least 1; got 0/);
    expect(validateInterval("month", -1)).toMatch(/at least 1/);
    expect(validateInterval("month", 1.5)).toMatch(/whole number/);
    expect(validateInterval("month", NaN)).toMatch(/whole number/);
    expect(validateInterval("hour", 1)).toMatch(/interval must be one of day, week, month, year/);
  });
});

describe("periodAt", () => {
  const anchor = utc("2028-01-31T10:30:00");

  it("puts a boundary instant in the period it starts (start inclusive, end exclusive)", () => {
    expect(periodAt(anchor, "month", 1, utc("2028-02-29T10:30:00"))).toEqual({ start: utc("2028-02-29T10:30:00"), end: utc("2028-03-31T10:30:00"), index: 1 });
    expect(periodAt(anchor, "month", 1, utc("2028-02-29T10:29:59.999"))).toEqual({ start: anchor, end: utc("2028-02-29T10:30:00"), index: 0 });
    expect(periodAt(anchor, "month", 1, anchor)).toEqual({ start: anchor, end: utc("2028-02-29T10:30:00"), index: 0 });
  });

  it("uses the anchor's time of day, not the calendar day", () => {
    // 31 Mar 2028 09:00 is still in the period that began 29 Feb 10:30.
    expect(periodAt(anchor, "month", 1, utc("2028-03-31T09:00:00")).index).toBe(1);
    expect(periodAt(anchor, "month", 1, utc("2029-02-28T10:30:00"))).toEqual({ start: utc("2029-02-28T10:30:00"), end: utc("2029-03-31T10:30:00"), index: 13 });
  });

  it("finds periods before the anchor with a negative index", () => {
    expect(periodAt(anchor, "month", 1, utc("2028-01-31T10:29:59"))).toEqual({ start: utc("2027-12-31T10:30:00"), end: anchor, index: -1 });
  });

  it("handles a Feb 29 yearly anchor at the Feb 28 boundary", () => {
    const leap = utc("2028-02-29T00:00:00");
    expect(periodAt(leap, "year", 1, utc("2029-02-28T00:00:00"))).toEqual({ start: utc("2029-02-28T00:00:00"), end: utc("2030-02-28T00:00:00"), index: 1 });
    expect(periodAt(leap, "year", 1, utc("2029-02-27T23:59:59"))).toEqual({ start: leap, end: utc("2029-02-28T00:00:00"), index: 0 });
  });

  it("counts week and day periods", () => {
    // Every 2 weeks from Fri 3 Mar 2028 09:00: 17 Mar 09:00 opens period 1, 31 Mar 09:00 period 2.
    expect(periodAt(utc("2028-03-03T09:00:00"), "week", 2, utc("2028-03-31T08:59:59"))).toEqual({
      start: utc("2028-03-17T09:00:00"),
      end: utc("2028-03-31T09:00:00"),
      index: 1,
    });
    expect(periodAt(utc("2028-02-25T00:00:00"), "day", 10, utc("2028-03-06T00:00:00")).index).toBe(1);
  });
});

describe("trials", () => {
  it("ends a trial exactly days × 24 h after it starts", () => {
    // 15 Feb 2028 12:00 + 14 d = 29 Feb 2028 12:00 (leap day).
    expect(iso(trialEnd(utc("2028-02-15T12:00:00"), 14))).toBe("2028-02-29T12:00:00.000Z");
    expect(iso(trialEnd(utc("2028-01-01T00:00:00"), 730))).toBe("2029-12-31T00:00:00.000Z"); // 366 + 364
  });

  it("allows 1 to 730 days", () => {
    expect(validateTrialPeriodDays(1)).toBeNull();
    expect(validateTrialPeriodDays(730)).toBeNull();
    expect(validateTrialPeriodDays(731)).toBe("trial_period_days may be at most 730; got 731");
    expect(validateTrialPeriodDays(0)).toMatch(/at least 1/);
    expect(validateTrialPeriodDays(2.5)).toMatch(/whole number/);
    expect(() => trialEnd(utc("2028-01-01T00:00:00"), 731)).toThrow(RangeError);
  });

  it("starts the first paid period at the trial's end, anchored there unless told otherwise", () => {
    const end = utc("2028-02-29T12:00:00");
    expect(periodAfterTrial(end, "month", 1)).toEqual({ start: end, end: utc("2028-03-29T12:00:00") });
    // With a Jan 31 anchor the next boundary is 31 Mar: a longer first period the caller prorates.
    expect(periodAfterTrial(end, "month", 1, utc("2028-01-31T12:00:00"))).toEqual({ start: end, end: utc("2028-03-31T12:00:00") });
    // A yearly price after the leap-day trial end renews on 28 Feb 2029.
    expect(periodAfterTrial(end, "year", 1)).toEqual({ start: end, end: utc("2029-02-28T12:00:00") });
  });
});

describe("periods tile time (properties)", () => {
  const interval = fc.constantFrom(...INTERVALS);
  const anchor = fc.date({ min: utc("1990-01-01T00:00:00"), max: utc("2100-12-31T23:59:59"), noInvalidDate: true });
  const withCount = interval.chain((i) => fc.tuple(fc.constant(i), fc.integer({ min: 1, max: MAX_INTERVAL_COUNT[i] })));

  it("each period ends where the next begins, strictly later, and periodAt agrees at both edges", () => {
    fc.assert(
      fc.property(anchor, withCount, fc.integer({ min: -40, max: 40 }), (a, [i, c], k) => {
        const start = addInterval(a, i, c, k);
        const end = addInterval(a, i, c, k + 1);
        expect(end.getTime()).toBeGreaterThan(start.getTime());
        expect(periodAt(a, i, c, start)).toEqual({ start, end, index: k });
        expect(periodAt(a, i, c, new Date(end.getTime() - 1))).toEqual({ start, end, index: k });
        expect(periodAt(a, i, c, end).start).toEqual(end);
      }),
      { numRuns: 500 },
    );
  });

  it("any instant lies in exactly the period periodAt names", () => {
    const at = fc.date({ min: utc("1980-01-01T00:00:00"), max: utc("2110-12-31T23:59:59"), noInvalidDate: true });
    fc.assert(
      fc.property(anchor, withCount, at, (a, [i, c], t) => {
        const p = periodAt(a, i, c, t);
        expect(p.start.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(p.end.getTime()).toBeGreaterThan(t.getTime());
        expect(p.start).toEqual(addInterval(a, i, c, p.index));
        expect(p.end).toEqual(addInterval(a, i, c, p.index + 1));
      }),
      { numRuns: 500 },
    );
  });

  it("month boundaries fall on the anchor's day or, when the month is shorter, its last day", () => {
    fc.assert(
      fc.property(anchor, fc.integer({ min: -60, max: 60 }), (a, n) => {
        const b = addInterval(a, "month", 1, n);
        const lastDay = new Date(Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 0)).getUTCDate();
        expect(b.getUTCDate()).toBe(Math.min(a.getUTCDate(), lastDay));
        expect(b.getUTCFullYear() * 12 + b.getUTCMonth()).toBe(a.getUTCFullYear() * 12 + a.getUTCMonth() + n);
        expect(b.getTime() % 86_400_000).toBe(a.getTime() % 86_400_000);
      }),
      { numRuns: 500 },
    );
  });
});
