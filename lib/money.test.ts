import { describe, expect, it } from "vitest";
import { checkAmount, currencyExponent, formatMoney, fromDecimalString, toDecimalString } from "./money";

describe("money", () => {
  it("knows ISO 4217 exponents", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("usd")).toBe(2);
    expect(currencyExponent("inr")).toBe(2);
    expect(currencyExponent("KWD")).toBe(3);
    expect(() => currencyExponent("xxx")).toThrow(RangeError);
  });

  it("formats minor units per currency", () => {
    expect(formatMoney(4200n, "usd")).toBe("$42.00");
    expect(formatMoney(4200, "jpy")).toBe("¥4,200");
    expect(formatMoney(1234n, "kwd")).toBe("KWD\u00a01.234");
    expect(formatMoney(123456n, "inr", "en-IN")).toBe("₹1,234.56");
    expect(formatMoney(-5n, "usd")).toBe("-$0.05");
  });

  it("keeps full precision for amounts past 2^53", () => {
    expect(toDecimalString(9007199254740993n, "usd")).toBe("90071992547409.93");
    expect(fromDecimalString("90071992547409.93", "usd")).toBe(9007199254740993n);
  });

  it("parses decimals and refuses excess precision", () => {
    expect(fromDecimalString("12.3", "usd")).toBe(1230n);
    expect(fromDecimalString("12", "jpy")).toBe(12n);
    expect(() => fromDecimalString("12.345", "usd")).toThrow(/2 decimal/);
    expect(() => fromDecimalString("1.5", "jpy")).toThrow(/0 decimal/);
    expect(() => fromDecimalString("abc", "usd")).toThrow(RangeError);
  });

  it("checks amounts", () => {
    expect(checkAmount(100)).toBeNull();
    expect(checkAmount(1.5)).toBe("not_integer");
    expect(checkAmount(-1)).toBe("negative");
    expect(checkAmount(0)).toBe("zero");
    expect(checkAmount(0, { allowZero: true })).toBeNull();
    expect(checkAmount(100_000_000n)).toBe("too_large");
  });
});
