import { pbkdf2Sync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money";
import { KassaError } from "@/lib/service/errors";
import { deriveDepositAccount } from "./deposit-address";
import { MAX_TOKEN_UNITS, parseCryptoPayment } from "./inputs";
import { eip681Uri } from "./next-action";
import { cryptoSettings } from "./settings";

const codeOf = (input: unknown) => {
  try {
    parseCryptoPayment(input);
    return "ok";
  } catch (error) {
    return error instanceof KassaError ? `${error.code} ${error.param}` : String(error);
  }
};

describe("crypto payment input", () => {
  it("takes a token and a whole number of base units of any size up to uint256, exactly", () => {
    const big = (123456789n * 10n ** 60n).toString();
    expect(parseCryptoPayment({ payment_method_types: ["crypto"], amount: big, currency: "DAI" })).toMatchObject({ token: "dai", amount: BigInt(big) });
    expect(parseCryptoPayment({ payment_method_types: ["crypto"], amount: MAX_TOKEN_UNITS.toString(), currency: "eth" }).amount).toBe(MAX_TOKEN_UNITS);
  });

  it("refuses with exact codes", () => {
    const c = { payment_method_types: ["crypto"] };
    expect(codeOf({ ...c, amount: "1", currency: "btc" })).toBe("currency_unsupported currency");
    expect(codeOf({ ...c, amount: "1", currency: "eur" })).toBe("payment_method_currency_mismatch currency");
    expect(codeOf({ ...c, amount: "0", currency: "usdc" })).toBe("amount_too_small amount");
    expect(codeOf({ ...c, amount: "0.5", currency: "usdc" })).toBe("parameter_invalid amount");
    expect(codeOf({ ...c, amount: " 5", currency: "usdc" })).toBe("parameter_invalid amount");
    expect(codeOf({ ...c, amount: 5, currency: "usdc" })).toBe("parameter_invalid amount");
    expect(codeOf({ ...c, amount: (MAX_TOKEN_UNITS + 1n).toString(), currency: "usdc" })).toBe("amount_too_large amount");
    expect(codeOf({ ...c, amount: "5", currency: "usdc", escrow: {} })).toBe("parameter_invalid escrow"); // neither release_at nor release_after_days
    expect(codeOf({ ...c, amount: "5", currency: "eth", escrow: { release_after_days: 3 } })).toBe("payment_method_unsupported escrow");
    expect(codeOf({ ...c, amount: "5", currency: "usdc", colour: "red" })).toBe("parameter_unknown colour");
    expect(codeOf({ ...c, currency: "usdc" })).toBe("parameter_missing amount");
    expect(codeOf({ ...c, amount: "5" })).toBe("parameter_missing currency");
  });
});

describe("deposit addresses", () => {
  it("follow BIP-32/44 (m/44'/60'/0'/0/i): the well-known test mnemonic's seed gives its well-known addresses", () => {
    const mnemonic = "test test test test test test test test test test test junk";
    const seed = pbkdf2Sync(mnemonic, "mnemonic", 2048, 64, "sha512").toString("hex");
    expect(deriveDepositAccount(seed, 0).address).toBe("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    expect(deriveDepositAccount(seed, 1).address).toBe("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  });
});

describe("links, settings and display", () => {
  it("writes EIP-681 links for a token transfer and for ETH", () => {
    const to = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    expect(eip681Uri({ tokenAddress: token, to, chainId: 1, amount: 10n ** 24n })).toBe(`ethereum:${token}@1/transfer?address=${to}&uint256=${10n ** 24n}`);
    expect(eip681Uri({ tokenAddress: null, to, chainId: 31337, amount: 5n })).toBe(`ethereum:${to}@31337?value=5`);
  });

  it("confirmations default to 1 on the local chain and 12 elsewhere; a setting overrides; nonsense is refused", () => {
    expect(cryptoSettings(31337, {}).confirmations).toBe(1);
    expect(cryptoSettings(1, {})).toEqual({ confirmations: 12, expiryMs: 30 * 60_000, pollMs: 10_000 });
    expect(cryptoSettings(1, { CRYPTO_CONFIRMATIONS: "3" }).confirmations).toBe(3);
    expect(() => cryptoSettings(1, { CRYPTO_CONFIRMATIONS: "0" })).toThrow(/positive integer/);
  });

  it("formats a token amount in its own decimals, exactly", () => {
    expect(formatMoney(25n * 10n ** 18n + 1n, "dai")).toBe("25.000000000000000001 DAI");
    expect(formatMoney(1_500_000, "usdc")).toBe("1.5 USDC");
    expect(formatMoney(1050, "usd")).toBe("$10.50");
  });
});
