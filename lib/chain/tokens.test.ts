import { describe, expect, it } from "vitest";
import { AddressError, checkAddress, formatTokenAmount, isTokenId, parseAddress, parseBaseUnits, parseTokenAmount, TokenAmountError, TOKENS } from "./tokens";

// EIP-55's own example addresses (the checksummed forms are in the EIP's test vectors).
const CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const CHECKSUMMED_2 = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";

function problemOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof TokenAmountError || error instanceof AddressError) return error.problem;
    throw error;
  }
  return undefined;
}

describe("the token registry", () => {
  it("knows usdc, usdt and dai as ERC-20s and eth as the native coin, with their decimals", () => {
    expect(Object.fromEntries(Object.entries(TOKENS).map(([id, t]) => [id, [t.decimals, t.native]]))).toEqual({
      usdc: [6, false],
      usdt: [6, false],
      dai: [18, false],
      eth: [18, true],
    });
    expect(isTokenId("usdc")).toBe(true);
    expect(isTokenId("btc")).toBe(false);
    expect(isTokenId("toString")).toBe(false);
  });
});

describe("token amounts", () => {
  it("formats base units exactly for 6 and 18 decimals", () => {
    expect(formatTokenAmount(1_500_000n, "usdc")).toBe("1.5");
    expect(formatTokenAmount(1n, "usdt")).toBe("0.000001");
    expect(formatTokenAmount(0n, "usdc")).toBe("0");
    expect(formatTokenAmount(1_500_000n, "usdc", { fixed: true })).toBe("1.500000");
    expect(formatTokenAmount(1n, "dai")).toBe("0.000000000000000001");
    // 2^64 + 1 wei: far beyond a double's 2^53, still exact.
    expect(formatTokenAmount(18_446_744_073_709_551_617n, "eth")).toBe("18.446744073709551617");
    expect(formatTokenAmount(-25n, "usdc")).toBe("-0.000025");
  });

  it("parses decimal strings to exact base units and round-trips", () => {
    expect(parseTokenAmount("1.5", "usdc")).toBe(1_500_000n);
    expect(parseTokenAmount("0.000001", "usdc")).toBe(1n);
    expect(parseTokenAmount(" 42 ", "usdt")).toBe(42_000_000n);
    expect(parseTokenAmount("123456789012345.000000000000000001", "dai")).toBe(123_456_789_012_345_000_000_000_000_000_001n);
    for (const units of [0n, 1n, 999_999n, 10n ** 30n + 7n]) {
      expect(parseTokenAmount(formatTokenAmount(units, "dai"), "dai")).toBe(units);
      expect(parseTokenAmount(formatTokenAmount(units, "usdc"), "usdc")).toBe(units);
    }
  });

  it("refuses excess precision, signs, exponents and junk instead of rounding", () => {
    expect(problemOf(() => parseTokenAmount("0.0000001", "usdc"))).toBe("too_precise");
    expect(problemOf(() => parseTokenAmount("1.0000000000000000001", "eth"))).toBe("too_precise");
    expect(problemOf(() => parseTokenAmount("-1", "usdc"))).toBe("negative");
    for (const junk of ["", "1e6", "1,5", "0x10", ".5", "5.", "1.2.3", "NaN", "+1"]) {
      expect(
        problemOf(() => parseTokenAmount(junk, "usdc")),
        junk,
      ).toBe("not_decimal");
    }
  });

  it("parses the API's base-unit strings of any size", () => {
    expect(parseBaseUnits("1500000")).toBe(1_500_000n);
    expect(parseBaseUnits("115792089237316195423570985008687907853269984665640564039457584007913129639935")).toBe(2n ** 256n - 1n);
    expect(problemOf(() => parseBaseUnits("-1"))).toBe("negative");
    expect(problemOf(() => parseBaseUnits("1.5"))).toBe("not_decimal");
    expect(problemOf(() => parseBaseUnits(" 1"))).toBe("not_decimal");
    expect(problemOf(() => parseBaseUnits(""))).toBe("not_decimal");
  });
});

describe("address validation", () => {
  it("accepts a correct EIP-55 checksum as it is", () => {
    expect(parseAddress(CHECKSUMMED)).toBe(CHECKSUMMED);
    expect(parseAddress(CHECKSUMMED_2)).toBe(CHECKSUMMED_2);
  });

  it("accepts all-lowercase (and all-uppercase) addresses and returns them checksummed", () => {
    expect(parseAddress(CHECKSUMMED.toLowerCase())).toBe(CHECKSUMMED);
    expect(parseAddress(`0x${CHECKSUMMED.slice(2).toUpperCase()}`)).toBe(CHECKSUMMED);
  });

  it("refuses mixed case with a wrong checksum", () => {
    // One letter's case flipped: the same bytes, but a checksum that no longer matches.
    const flipped = CHECKSUMMED.replace("aAeb", "aaeb");
    expect(flipped.toLowerCase()).toBe(CHECKSUMMED.toLowerCase());
    expect(checkAddress(flipped)).toEqual({ ok: false, problem: "bad_checksum" });
    expect(problemOf(() => parseAddress(flipped))).toBe("bad_checksum");
  });

  it("refuses the wrong length", () => {
    expect(problemOf(() => parseAddress(CHECKSUMMED.slice(0, -1)))).toBe("wrong_length");
    expect(problemOf(() => parseAddress(`${CHECKSUMMED.toLowerCase()}00`))).toBe("wrong_length");
    expect(problemOf(() => parseAddress("0x"))).toBe("wrong_length");
  });

  it("refuses non-hex input", () => {
    expect(problemOf(() => parseAddress(CHECKSUMMED.replace("5a", "5g")))).toBe("not_hex");
    expect(problemOf(() => parseAddress(CHECKSUMMED.slice(2)))).toBe("not_hex");
    expect(problemOf(() => parseAddress(`0X${CHECKSUMMED.slice(2)}`))).toBe("not_hex");
    expect(problemOf(() => parseAddress(` ${CHECKSUMMED}`))).toBe("not_hex");
    expect(problemOf(() => parseAddress("vitalik.eth"))).toBe("not_hex");
  });
});
