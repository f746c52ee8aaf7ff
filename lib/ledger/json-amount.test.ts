import { describe, expect, it } from "vitest";
import { jsonAmount } from "./json-amount";

describe("jsonAmount", () => {
  it("turns safe bigints into numbers exactly, negatives included", () => {
    expect(jsonAmount(0n)).toBe(0);
    expect(jsonAmount(-4_000n)).toBe(-4_000);
    expect(jsonAmount(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("throws ledger_amount_unsafe rather than rounding a sum past 2^53", () => {
    expect(() => jsonAmount(9_007_199_254_740_992n)).toThrow(expect.objectContaining({ code: "ledger_amount_unsafe" }));
    expect(() => jsonAmount(-9_007_199_254_740_992n)).toThrow(expect.objectContaining({ code: "ledger_amount_unsafe" }));
  });
});
