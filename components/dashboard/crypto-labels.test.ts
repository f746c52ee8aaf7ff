// The crypto payment page's words: token amounts from base units, a crypto refund's real amount (its `amount` is 0),
// cut hashes, confirmations, and what a crypto payment's refunds send back.
import { describe, expect, it } from "vitest";
import type { RefundObject } from "@/lib/refunds/serialize-refund";
import { confirmationsLabel, cryptoRefunded, refundAmount, shortHex, tokenAmount } from "./crypto-labels";

const HASH = "0x8f5a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff";
const refund = (over: Partial<RefundObject>): RefundObject => ({
  id: "re_1",
  object: "refund",
  amount: 0,
  currency: "usdc",
  payment: "pay_1",
  status: "succeeded",
  reason: null,
  failure_reason: null,
  metadata: {},
  livemode: false,
  created: 0,
  crypto: { token: "usdc", chain_id: 31337, address: "0x4e1E9006Eb37B5CD506BB65C6a227BF979160b96", amount: "1500000", transaction: "ctx_1", tx_hash: HASH },
  ...over,
});

describe("crypto labels", () => {
  it("formats base units with the token's decimals, exactly", () => {
    expect(tokenAmount("12500000", "usdc")).toBe("12.5 USDC");
    expect(tokenAmount("1", "dai")).toBe("0.000000000000000001 DAI");
    expect(tokenAmount(10n ** 36n + 1n, "eth")).toBe("1000000000000000000.000000000000000001 ETH");
  });

  it("shows a crypto refund's token amount, never its 0 amount; a card refund as money", () => {
    expect(refundAmount(refund({}))).toBe("1.5 USDC");
    expect(refundAmount(refund({ amount: 1250, currency: "usd", crypto: null }))).toBe("$12.50");
  });

  it("cuts hashes and addresses in the middle, leaves short values alone", () => {
    expect(shortHex(HASH)).toBe("0x8f5a1b…ddeeff");
    expect(shortHex("0x1234")).toBe("0x1234");
  });

  it("says confirmations in plain words, and how many of the required ones while short", () => {
    expect(confirmationsLabel(1, 1)).toBe("1 confirmation");
    expect(confirmationsLabel(14, 12)).toBe("14 confirmations");
    expect(confirmationsLabel(3, 12)).toBe("3 of 12 confirmations");
  });

  it("counts pending and succeeded crypto refunds (a surplus sent back included), not failed ones", () => {
    expect(
      cryptoRefunded([
        refund({}),
        refund({ status: "pending", crypto: { ...refund({}).crypto!, amount: "500000" } }),
        refund({ reason: "overpayment", crypto: { ...refund({}).crypto!, amount: "250000" } }),
        refund({ status: "failed" }),
      ]),
    ).toBe(2_250_000n);
  });
});
