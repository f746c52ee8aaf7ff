import { formatTokenAmount, isTokenId, TOKENS } from "@/lib/chain/tokens";

/**
 * Money is an integer count of the currency's minor unit (bigint), never a float.
 * Exponents are ISO 4217's; the set below is what Kassa accepts.
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  // zero-decimal
  bif: 0,
  clp: 0,
  djf: 0,
  gnf: 0,
  isk: 0,
  jpy: 0,
  kmf: 0,
  krw: 0,
  pyg: 0,
  rwf: 0,
  ugx: 0,
  vnd: 0,
  vuv: 0,
  xaf: 0,
  xof: 0,
  xpf: 0,
  // three-decimal
  bhd: 3,
  jod: 3,
  kwd: 3,
  lyd: 3,
  omr: 3,
  tnd: 3,
  // two-decimal
  aed: 2,
  aud: 2,
  brl: 2,
  cad: 2,
  chf: 2,
  cny: 2,
  czk: 2,
  dkk: 2,
  eur: 2,
  gbp: 2,
  hkd: 2,
  huf: 2,
  idr: 2,
  ils: 2,
  inr: 2,
  mxn: 2,
  myr: 2,
  nok: 2,
  nzd: 2,
  php: 2,
  pln: 2,
  ron: 2,
  sar: 2,
  sek: 2,
  sgd: 2,
  thb: 2,
  try: 2,
  twd: 2,
  usd: 2,
  zar: 2,
});

export const CURRENCIES = Object.keys(CURRENCY_EXPONENTS).sort();

/** Largest amount accepted in one object: Stripe's eight-digit ceiling. */
export const MAX_AMOUNT = 99_999_999n;

export function isCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCY_EXPONENTS, code.toLowerCase());
}

export function currencyExponent(currency: string): number {
  const exp = CURRENCY_EXPONENTS[currency.toLowerCase()];
  if (exp === undefined) throw new RangeError(`Unsupported currency: ${currency}`);
  return exp;
}

export type AmountProblem = "not_integer" | "negative" | "too_large" | "zero";

/** Checks a minor-unit amount; returns the problem or null. */
export function checkAmount(
  amount: bigint | number,
  { allowZero = false, max = MAX_AMOUNT }: { allowZero?: boolean; max?: bigint } = {},
): AmountProblem | null {
  if (typeof amount === "number" && !Number.isSafeInteger(amount)) return "not_integer";
  const value = BigInt(amount);
  if (value < 0n) return "negative";
  if (value === 0n && !allowZero) return "zero";
  if (value > max) return "too_large";
  return null;
}

/** "12.34" style decimal string of a minor-unit amount, exact for any size. */
export function toDecimalString(amount: bigint | number, currency: string): string {
  const exp = currencyExponent(currency);
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exp + 1, "0");
  const whole = digits.slice(0, digits.length - exp);
  const frac = exp > 0 ? `.${digits.slice(digits.length - exp)}` : "";
  return `${negative ? "-" : ""}${whole}${frac}`;
}

/** Parses a major-unit decimal string ("12.34") into minor units; rejects excess precision. */
export function fromDecimalString(input: string, currency: string): bigint {
  const exp = currencyExponent(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(input.trim());
  if (!match) throw new RangeError(`Not a decimal amount: ${input}`);
  const [, sign, whole, frac = ""] = match;
  if (frac.length > exp) throw new RangeError(`${currency.toUpperCase()} allows ${exp} decimal places`);
  const minor = BigInt(whole! + frac.padEnd(exp, "0"));
  return sign ? -minor : minor;
}

/** Formats minor units for people, e.g. formatMoney(4200n, "usd") → "$42.00". */
export function formatMoney(amount: bigint | number, currency: string, locale = "en-US"): string {
  // A crypto payment's currency is its token (no ISO code): its own decimals, exact, and its symbol.
  const token = currency.toLowerCase();
  if (isTokenId(token)) return `${formatTokenAmount(BigInt(amount), token)} ${TOKENS[token].symbol}`;
  const exp = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  });
  // A decimal string keeps full precision: Intl treats it as an exact decimal, not a double.
  return format.format(toDecimalString(amount, currency) as unknown as number);
}

// Stripe's minimum charge amounts (minor units); others default to 50 minor units (500 for 3-decimal).
const MINIMUM_CHARGE: Readonly<Record<string, number>> = Object.freeze({
  usd: 50,
  aed: 200,
  aud: 50,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
});

/** The smallest amount a payment in `currency` may be, in minor units. */
export function minimumChargeAmount(currency: string): bigint {
  const code = currency.toLowerCase();
  const known = MINIMUM_CHARGE[code];
  if (known !== undefined) return BigInt(known);
  return currencyExponent(code) === 3 ? 500n : 50n;
}
