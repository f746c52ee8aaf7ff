import { createHash, randomBytes } from "node:crypto";

export type KeyMode = "test" | "live";
export type KeyKind = "secret" | "publishable" | "restricted";

const KEY_FORMAT = /^(sk|pk|rk)_(test|live)_([A-Za-z0-9]{24,128})$/;
const PREFIX: Record<KeyKind, string> = { secret: "sk", publishable: "pk", restricted: "rk" };
const KIND: Record<string, KeyKind> = { sk: "secret", pk: "publishable", rk: "restricted" };
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function base62(bytes: number): string {
  // Rejection sampling keeps every character equally likely.
  let out = "";
  while (out.length < bytes) {
    for (const b of randomBytes(bytes)) {
      if (b < 248 && out.length < bytes) out += BASE62[b % 62];
    }
  }
  return out;
}

/** A new key: `sk_test_` (or `pk_`, `rk_`) + 32 base62 characters (~190 bits). */
export function generateKey(kind: KeyKind, mode: KeyMode): string {
  return `${PREFIX[kind]}_${mode}_${base62(32)}`;
}

export function parseKey(key: string): { kind: KeyKind; mode: KeyMode } | null {
  const match = KEY_FORMAT.exec(key);
  if (!match) return null;
  return { kind: KIND[match[1]!]!, mode: match[2] as KeyMode };
}

/** What the dashboard shows of a secret key once it is stored: "sk_test_…a1B2". */
export function displayPrefix(key: string): string {
  const parsed = parseKey(key);
  const head = parsed ? `${key.slice(0, 3)}${parsed.mode}_` : key.slice(0, 8);
  return `${head}…${key.slice(-4)}`;
}
