import { formatTokenAmount, TOKENS, type TokenId } from "@/lib/chain/tokens";
import { KassaError } from "@/lib/service/errors";

/** The tokens the checkout's crypto tab offers: USD stablecoins, at 1:1 with the session's US dollars. */
export const CHECKOUT_CRYPTO_TOKENS = ["usdc", "usdt", "dai"] as const;
export type CheckoutCryptoToken = (typeof CHECKOUT_CRYPTO_TOKENS)[number];

export function isCheckoutCryptoToken(value: unknown): value is CheckoutCryptoToken {
  return typeof value === "string" && (CHECKOUT_CRYPTO_TOKENS as readonly string[]).includes(value);
}

/** The token the customer picked, or currency_unsupported naming what the tab takes. */
export function parseCheckoutCryptoToken(value: unknown): CheckoutCryptoToken {
  if (isCheckoutCryptoToken(value)) return value;
  const named = typeof value === "string" && value.length <= 10 ? value.toUpperCase() : "that";
  throw new KassaError(
    "currency_unsupported",
    value === "eth"
      ? "ETH is not taken at checkout (it has no fixed dollar price). Pay with USDC, USDT or DAI."
      : `This checkout does not take ${named}. Pay with USDC, USDT or DAI.`,
    { param: "token" },
  );
}

/**
 * US cents as the token's base units, exact: cents × 10^(decimals − 2) (USDC and USDT have 6 decimals,
 * DAI 18), all in bigint — never a float, so $12.50 is 12_500_000 USDC units and 12.5 × 10¹⁸ DAI units.
 */
export function usdCentsToTokenUnits(cents: bigint, token: CheckoutCryptoToken): bigint {
  if (cents < 0n) throw new RangeError(`cents must not be negative: ${cents}`);
  return cents * 10n ** BigInt(TOKENS[token].decimals - 2);
}

/** A token amount as the customer reads it, with at least the cents shown: "12.50", "7.123456". */
export function displayTokenAmount(units: bigint, token: TokenId): string {
  const text = formatTokenAmount(units, token);
  const [whole, frac = ""] = text.split(".");
  return `${whole}.${frac.padEnd(2, "0")}`;
}

export const tokenSymbol = (token: TokenId) => TOKENS[token].symbol;
export const tokenName = (token: CheckoutCryptoToken) => TOKENS[token].name;
