/**
 * Redaction of request and response bodies before a request log row is queued (lib/request-logs/record.ts):
 * nothing secret or personal reaches memory queues, the database or the dashboard in the clear.
 *
 * - Secrets by key name (password, secret, token, authorization, api_key, client_secret, …) → "[redacted]".
 * - Secret keys by shape anywhere in a value: sk_/rk_ (test and live), whsec_, `Bearer …` → the prefix and
 *   "[redacted]". Publishable keys (pk_…) are public by design (they ship in browsers) and stay.
 * - Card data: cvc/cvv/exp_month/exp_year/expiry → "[redacted]"; card numbers (13–19 digits with spaces or
 *   dashes, Luhn-valid) anywhere → "•••• 4242"; a `number` field → "•••• " + its last four.
 * - Bank accounts: iban/account_number → "•••• " + last four; IBAN-shaped text anywhere likewise.
 * - Emails and UPI VPAs (both personal): the local part masked, "j•••@example.com", "a•••@okaxis".
 */

export const REDACTED = "[redacted]";
const DOT = "••••";

/** Key names (lower case, `-` as `_`) whose whole value is a secret. */
const SECRET_KEYS = new Set([
  "password",
  "new_password",
  "current_password",
  "passwd",
  "secret",
  "client_secret",
  "signing_secret",
  "webhook_secret",
  "token",
  "access_token",
  "refresh_token",
  "id_token",
  "api_key",
  "apikey",
  "secret_key",
  "private_key",
  "authorization",
  "cookie",
  "set_cookie",
  "otp",
  "cvc",
  "cvv",
  "cvc2",
  "cvv2",
  "exp_month",
  "exp_year",
  "exp",
  "expiry",
  "expiration",
  "pin",
]);

/** Key names whose value is an account or card number: the last four stay. */
const NUMBER_KEYS = new Set(["number", "card_number", "pan", "account_number", "iban"]);
const EMAIL_KEYS = /(^|_)(email|vpa|upi_id)$/;

const SECRET_SHAPE = /\b(sk_live_|sk_test_|rk_live_|rk_test_|whsec_)[A-Za-z0-9_]+/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// Not inside a word: an id such as pay_0123… keeps its digits.
const CARD_SHAPE = /(?<!\w)\d(?:[ -]?\d){12,18}(?!\w)/g;
const TIME_KEY = /(^|_)(at|created|date|time|timestamp|since|until)$/;
const IBAN_SHAPE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
// An email, or a VPA (handle@psp, no dot needed after the @).
const ADDRESS_SHAPE = /\b([A-Za-z0-9][A-Za-z0-9._%+-]*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)\b/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function lastFour(value: string): string {
  const chars = value.replace(/[\s-]/g, "");
  return chars.length > 4 ? `${DOT} ${chars.slice(-4)}` : REDACTED;
}

export function maskAddress(local: string, domain: string): string {
  return `${local.slice(0, 1)}•••@${domain}`;
}

/**
 * What any of the patterns below needs to match: a key's prefix, an auth scheme, an IBAN's country and check
 * digits, an @ — or else 13 digits. Most strings of a body (ids, enums, amounts' currencies) have none, and skip
 * the five passes.
 */
const MAY_HOLD = /sk_|rk_|whsec_|@|[Bb][Ee][Aa][Rr][Ee][Rr]|[Bb][Aa][Ss][Ii][Cc]|[A-Z]{2}\d{2}/;

function fewDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 13) return false;
  }
  return true;
}

/** Redacts secrets, card numbers, IBANs, emails and VPAs inside free text. */
export function redactText(text: string): string {
  return !MAY_HOLD.test(text) && fewDigits(text) ? text : redactAll(text);
}

/** redactText's five passes, without the shortcut (exported to test that the shortcut changes nothing). */
export function redactAll(text: string): string {
  return text
    .replace(SECRET_SHAPE, (_m, prefix: string) => `${prefix}${REDACTED}`)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(CARD_SHAPE, (m) => {
      const digits = m.replace(/[ -]/g, "");
      return digits.length >= 13 && digits.length <= 19 && luhnValid(digits) ? `${DOT} ${digits.slice(-4)}` : m;
    })
    .replace(IBAN_SHAPE, (m) => lastFour(m))
    .replace(ADDRESS_SHAPE, (_m, local: string, domain: string) => maskAddress(local, domain));
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replaceAll("-", "_");
}

/** A JSON value with every secret and personal datum replaced; the shape is kept. */
export function redactValue(value: unknown, key?: string): unknown {
  const k = key === undefined ? undefined : normaliseKey(key);
  if (k !== undefined && SECRET_KEYS.has(k) && value !== null && value !== undefined && value !== "") return REDACTED;
  if (typeof value === "string") {
    if (k !== undefined && NUMBER_KEYS.has(k)) return lastFour(value);
    if (k !== undefined && EMAIL_KEYS.test(k)) {
      const at = value.lastIndexOf("@");
      return at > 0 ? maskAddress(value.slice(0, at), value.slice(at + 1)) : redactText(value);
    }
    return redactText(value);
  }
  if (typeof value === "number") {
    if (k !== undefined && NUMBER_KEYS.has(k)) return lastFour(String(value));
    // A card number sent as a JSON number; a time in ms is not one.
    const digits = Number.isSafeInteger(value) || value > Number.MAX_SAFE_INTEGER ? BigInt(Math.trunc(value)).toString() : "";
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits) && !(k !== undefined && TIME_KEY.test(k))) return `${DOT} ${digits.slice(-4)}`;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [child, v] of Object.entries(value as Record<string, unknown>)) out[redactText(child)] = redactValue(v, child);
    return out;
  }
  return value;
}

export interface RedactedBody {
  text: string | null;
  truncated: boolean;
}

export const BODY_CAP = 16 * 1024;

/** Cuts text at `cap` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, cap = BODY_CAP): RedactedBody {
  if (text.length <= cap) return { text, truncated: false };
  let end = cap;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end), truncated: true };
}

/** A body for the log: JSON redacted field by field (re-serialised compactly), other text redacted as text; then capped. */
export function redactBody(body: string | null | undefined, cap = BODY_CAP): RedactedBody {
  if (body === null || body === undefined || body === "") return { text: null, truncated: false };
  let redacted: string;
  try {
    redacted = JSON.stringify(redactValue(JSON.parse(body)));
  } catch {
    redacted = redactText(body);
  }
  return cut(redacted, cap);
}

/** The same for a value already parsed (the request body withApiKey read). */
export function redactParsed(value: unknown, cap = BODY_CAP): RedactedBody {
  if (value === undefined || value === null) return { text: null, truncated: false };
  if (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) return { text: null, truncated: false };
  return cut(JSON.stringify(redactValue(value)), cap);
}
