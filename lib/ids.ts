import { randomBytes } from "node:crypto";

/** The one registry of id prefixes. Add a resource here, never inline a prefix elsewhere. */
export const ID_PREFIXES = {
  merchant: "mer",
  user: "usr",
  membership: "mem",
  invitation: "inv",
  apiKey: "key",
  idempotencyKey: "idk",
  event: "evt",
  audit: "aud",
  request: "req",
  payment: "pay",
  paymentAttempt: "pa",
  refund: "re",
  customer: "cus",
  setupIntent: "seti",
  dispute: "dp",
  product: "prod",
  price: "price",
  subscription: "sub",
  subscriptionItem: "si",
  invoice: "in",
  invoiceLine: "il",
  billingPortalSession: "bps",
  // The sandbox processor's own objects (lib/gateways/sandbox), like Stripe's pi_/re_.
  sandboxCharge: "sbch",
  sandboxRefund: "sbre",
  sandboxPaymentMethod: "pm",
  // The sandbox UPI PSP's (lib/gateways/upi-sandbox).
  sandboxUpiTransaction: "sbupi",
  sandboxUpiRefund: "sbupire",
  upiEvent: "upiev",
  fraudAssessment: "fa",
  fraudRule: "rule",
  fraudList: "rsl",
  fraudListItem: "rsli",
  review: "prv",
  alert: "alrt",
  ledgerAccount: "lac",
  journalEntry: "jen",
  balanceTransaction: "txn",
  webhookEndpoint: "we",
  webhookDelivery: "wd",
  webhookAttempt: "wa",
  checkoutSession: "cs",
  paymentLink: "plink",
  serverInstance: "inst",
  loginSession: "ls",
  email: "em",
  passwordReset: "pwr",
  signupRequest: "sur",
  bankAccount: "ba",
  payout: "po",
  // The sandbox bank's own transfers (lib/gateways/sandbox-bank).
  sandboxBankTransfer: "sbtr",
  order: "ord",
  orderStep: "ostep",
  fulfillmentHook: "fh",
  routingConfig: "rcfg",
  // A circuit breaker's transition (lib/connector-health), for the Connectors page's history.
  connectorBreakerEvent: "cbev",
  chainTransaction: "ctx",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

// Crockford base32, lowercase: sorts the same under byte order and common collations.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const TIME_CHARS = 10; // 48-bit millisecond clock, like ULID
const RANDOM_CHARS = 16; // 80 random bits

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = "";
  for (let i = TIME_CHARS - 1; i >= 0; i--) {
    const mod = ms % 32;
    out = ALPHABET[mod] + out;
    ms = (ms - mod) / 32;
  }
  return out;
}

// Random bytes drawn from the CSPRNG a few kilobytes at a time, not one small buffer per id.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolAt = 0;

function freshRandom(): number[] {
  if (poolAt + RANDOM_CHARS > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const out = new Array<number>(RANDOM_CHARS);
  for (let i = 0; i < RANDOM_CHARS; i++) out[i] = pool[poolAt + i]! & 31;
  poolAt += RANDOM_CHARS;
  return out;
}

/** Monotonic within a process: ids made in the same millisecond still sort in creation order. */
function nextRandom(now: number): number[] {
  if (now > lastTime) {
    lastTime = now;
    lastRandom = freshRandom();
    return lastRandom;
  }
  const next = [...lastRandom];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i]! += 1;
      lastRandom = next;
      return next;
    }
    next[i] = 0;
  }
  // 80 bits exhausted in one millisecond: borrow the next millisecond.
  lastTime += 1;
  lastRandom = freshRandom();
  return lastRandom;
}

export function newId(kind: IdKind, now = Date.now()): string {
  const time = Math.max(now, lastTime);
  const random = nextRandom(time);
  return `${ID_PREFIXES[kind]}_${encodeTime(lastTime)}${random.map((n) => ALPHABET[n]).join("")}`;
}

const ID_BODY = new RegExp(`^[${ALPHABET}]{${TIME_CHARS + RANDOM_CHARS}}$`);

/** True when `value` is a well-formed id of `kind` (cheap check before a lookup). */
export function isId(kind: IdKind, value: string): boolean {
  const prefix = `${ID_PREFIXES[kind]}_`;
  return value.startsWith(prefix) && ID_BODY.test(value.slice(prefix.length));
}

/** The millisecond an id was made. */
export function idTime(id: string): Date {
  const body = id.slice(id.indexOf("_") + 1, id.indexOf("_") + 1 + TIME_CHARS);
  let ms = 0;
  for (const ch of body) ms = ms * 32 + ALPHABET.indexOf(ch);
  return new Date(ms);
}

/** A random secret token in base62-ish url-safe characters (API keys, invite tokens). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}
