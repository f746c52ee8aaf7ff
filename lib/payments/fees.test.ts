import { describe, expect, it } from "vitest";
import { minimumChargeAmount } from "@/lib/money";
import { feeRefundFor, processingFee } from "./fees";

describe("fees", () => {
  it("charges 2.9% + 30 cents, scaled by the currency's exponent, never more than the amount", () => {
    expect(processingFee(10_000n, "usd")).toBe(320n);
    expect(processingFee(1_000n, "kwd")).toBe(329n); // 29 fils + 300 fils
    expect(processingFee(1_000n, "jpy")).toBe(29n);
    expect(processingFee(10n, "usd")).toBe(10n);
    expect(processingFee(0n, "usd")).toBe(0n);
  });

  it("returns the fee pro rata over partial refunds and exactly all of it on the last", () => {
    const fee = processingFee(1_000n, "usd"); // 59
    let refunded = 0n;
    let returned = 0n;
    for (const part of [333n, 333n, 334n]) {
      returned += feeRefundFor({ fee, amountReceived: 1_000n, refundedBefore: refunded, refundAmount: part });
      refunded += part;
    }
    expect(returned).toBe(fee);
    expect(feeRefundFor({ fee, amountReceived: 1_000n, refundedBefore: 0n, refundAmount: 500n })).toBe(29n);
  });

  it("knows Stripe's minimum charge amounts", () => {
    expect(minimumChargeAmount("usd")).toBe(50n);
    expect(minimumChargeAmount("GBP")).toBe(30n);
    expect(minimumChargeAmount("jpy")).toBe(50n);
    expect(minimumChargeAmount("kwd")).toBe(500n);
    expect(() => minimumChargeAmount("xyz")).toThrow();
  });
});
