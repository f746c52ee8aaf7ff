import { describe, expect, it } from "vitest";
import { backoffMs } from "./backoff";
import { feeSettings, feesFromHistory, replacementFees } from "./fees";

const GWEI = 10n ** 9n;
const settings = feeSettings({});

describe("EIP-1559 fees from fee history", () => {
  it("takes the median 50th-percentile tip and twice the next base fee plus the tip", () => {
    const fees = feesFromHistory({ baseFeePerGas: [10n * GWEI, 12n * GWEI, 14n * GWEI], reward: [[1n * GWEI], [3n * GWEI], [2n * GWEI]] }, settings);
    expect(fees).toEqual({ maxPriorityFeePerGas: 2n * GWEI, maxFeePerGas: 30n * GWEI, capped: false });
  });
  it("never tips under the floor, and never above the cap (CRYPTO_MAX_FEE_GWEI)", () => {
    expect(feesFromHistory({ baseFeePerGas: [1n], reward: [[0n]] }, settings)).toEqual({ maxPriorityFeePerGas: GWEI, maxFeePerGas: GWEI + 2n, capped: false });
    const capped = feesFromHistory({ baseFeePerGas: [500n * GWEI], reward: [[5n * GWEI]] }, feeSettings({ CRYPTO_MAX_FEE_GWEI: "300" }));
    expect(capped).toEqual({ maxPriorityFeePerGas: 5n * GWEI, maxFeePerGas: 300n * GWEI, capped: true });
  });
  it("refuses a setting that is not whole gwei", () => {
    expect(() => feeSettings({ CRYPTO_MAX_FEE_GWEI: "1.5" })).toThrow(/whole number of gwei/);
  });
  it("a replacement bumps both fees by at least 12.5 %, follows a higher market, and stops at the cap", () => {
    const prev = { maxFeePerGas: 80n * GWEI, maxPriorityFeePerGas: 2n * GWEI };
    expect(replacementFees(prev, { maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI }, settings)).toEqual({
      maxFeePerGas: 90n * GWEI,
      maxPriorityFeePerGas: 2_250_000_000n,
    });
    expect(replacementFees(prev, { maxFeePerGas: 120n * GWEI, maxPriorityFeePerGas: 3n * GWEI }, settings)).toEqual({
      maxFeePerGas: 120n * GWEI,
      maxPriorityFeePerGas: 3n * GWEI,
    });
    expect(replacementFees({ maxFeePerGas: 190n * GWEI, maxPriorityFeePerGas: GWEI }, prev, settings)).toBeNull();
  });
});

describe("backoff with jitter", () => {
  it("doubles per attempt between half and all of the step, up to the cap", () => {
    expect([1, 2, 3].map((a) => backoffMs(a, { random: () => 0 }))).toEqual([1_000, 2_000, 4_000]);
    expect([1, 2, 3].map((a) => backoffMs(a, { random: () => 1 }))).toEqual([2_000, 4_000, 8_000]);
    expect(backoffMs(30, { random: () => 1 })).toBe(600_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(4)));
    expect(spread.size).toBeGreaterThan(10);
    for (const v of spread) expect(v >= 8_000 && v <= 16_000).toBe(true);
  });
});
