import { checksumAddress, type Address } from "viem";

/**
 * The tokens Kassa takes on an EVM chain. Amounts are always bigint counts of the token's base unit
 * (USDC's 10⁻⁶, DAI's and ETH's 10⁻¹⁸ = wei), never floats: 18-decimal amounts pass JSON's and a double's
 * safe integers long before they are large.
 */
export const TOKENS = {
  usdc: { symbol: "USDC", name: "USD Coin", decimals: 6, native: false },
  usdt: { symbol: "USDT", name: "Tether USD", decimals: 6, native: false },
  dai: { symbol: "DAI", name: "Dai Stablecoin", decimals: 18, native: false },
  eth: { symbol: "ETH", name: "Ether", decimals: 18, native: true },
} as const;

export type TokenId = keyof typeof TOKENS;
export type Erc20TokenId = { [K in TokenId]: (typeof TOKENS)[K]["native"] extends false ? K : never }[TokenId];

export const TOKEN_IDS = Object.keys(TOKENS) as TokenId[];
export const ERC20_TOKEN_IDS = TOKEN_IDS.filter((id): id is Erc20TokenId => !TOKENS[id].native);

export function isTokenId(value: string): value is TokenId {
  return Object.hasOwn(TOKENS, value);
}

export function tokenDecimals(token: TokenId): number {
  return TOKENS[token].decimals;
}

export type TokenAmountProblem = "not_decimal" | "negative" | "too_precise";

/** A token amount that could not be parsed; `problem` says why (for an API error's code later). */
export class TokenAmountError extends RangeError {
  constructor(
    readonly problem: TokenAmountProblem,
    message: string,
  ) {
    super(message);
    this.name = "TokenAmountError";
  }
}

/** Exact decimal string of a base-unit amount: formatTokenAmount(1_500_000n, "usdc") → "1.5". Trailing zeros go unless `fixed`. */
export function formatTokenAmount(units: bigint, token: TokenId, { fixed = false }: { fixed?: boolean } = {}): string {
  const decimals = tokenDecimals(token);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  let frac = digits.slice(digits.length - decimals);
  if (!fixed) frac = frac.replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/**
 * Parses a decimal amount in the token's whole units ("1.5" USDC) into base units (1_500_000n). Plain
 * digits with an optional fraction only: no sign, exponent, separators or excess precision (never rounded).
 */
export function parseTokenAmount(input: string, token: TokenId): bigint {
  const decimals = tokenDecimals(token);
  const text = input.trim();
  if (text.startsWith("-")) throw new TokenAmountError("negative", `A ${TOKENS[token].symbol} amount cannot be negative: ${input}`);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new TokenAmountError("not_decimal", `Not a decimal amount: ${input}`);
  const [, whole, frac = ""] = match;
  if (frac.length > decimals) {
    throw new TokenAmountError("too_precise", `${TOKENS[token].symbol} has ${decimals} decimal places; ${input} has ${frac.length}`);
  }
  return BigInt(whole! + frac.padEnd(decimals, "0"));
}

/** Parses an amount already in base units, as the API carries it ("1500000"): digits only, so any size is exact. */
export function parseBaseUnits(input: string): bigint {
  if (input.startsWith("-")) throw new TokenAmountError("negative", `An amount in base units cannot be negative: ${input}`);
  if (!/^\d+$/.test(input)) throw new TokenAmountError("not_decimal", `An amount in base units is a string of digits: ${input}`);
  return BigInt(input);
}

export type AddressProblem = "not_hex" | "wrong_length" | "bad_checksum";

/**
 * Checks an address as a person or integrator typed it. Mixed case must be a correct EIP-55 checksum
 * (a typo in a checksummed address is caught, not paid to); all-lowercase and all-uppercase carry no
 * checksum (EIP-55) and are accepted. Returns the checksummed address or the problem.
 */
export function checkAddress(input: string): { ok: true; address: Address } | { ok: false; problem: AddressProblem } {
  if (!/^0x[0-9a-fA-F]*$/.test(input)) return { ok: false, problem: "not_hex" };
  if (input.length !== 42) return { ok: false, problem: "wrong_length" };
  const body = input.slice(2);
  const address = checksumAddress(input as Address);
  const unchecksummed = body === body.toLowerCase() || body === body.toUpperCase();
  if (!unchecksummed && address !== input) return { ok: false, problem: "bad_checksum" };
  return { ok: true, address };
}

export class AddressError extends TypeError {
  constructor(
    readonly problem: AddressProblem,
    message: string,
  ) {
    super(message);
    this.name = "AddressError";
  }
}

const ADDRESS_MESSAGES: Record<AddressProblem, string> = {
  not_hex: "is not 0x followed by hexadecimal digits",
  wrong_length: "is not 20 bytes (0x and 40 hexadecimal digits)",
  bad_checksum: "has mixed case that is not its EIP-55 checksum (a mistyped character?)",
};

/** The EIP-55 checksummed form of a valid address; throws AddressError otherwise. */
export function parseAddress(input: string): Address {
  const result = checkAddress(input);
  if (!result.ok) throw new AddressError(result.problem, `Address ${JSON.stringify(input)} ${ADDRESS_MESSAGES[result.problem]}.`);
  return result.address;
}
