import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** JCS (RFC 8785) form: sorted keys, compact — the bytes the SDK re-derives to verify. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * `X-Inngest-Signature` for a body: HMAC-SHA256 keyed by the signing key without its
 * `signkey-<env>-` prefix, over body + unix seconds. Uses wall time, not the executor's
 * clock: the SDK checks the timestamp against its own Date.now() (±5 minutes).
 */
export function signBody(body: string, signingKey: string, unixSeconds = Math.round(Date.now() / 1000)): string {
  const key = signingKey.replace(/^signkey-\w+-/, "");
  const mac = createHmac("sha256", key).update(body).update(String(unixSeconds)).digest("hex");
  return `t=${unixSeconds}&s=${mac}`;
}

/** How far a signature's timestamp may be from now, as the SDK allows. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Checks `X-Inngest-Signature` over a request body the way the SDK does (the JCS form of a JSON body,
 * or the empty string), within ±5 minutes. Used where Kassa checks a call before the SDK sees it.
 */
export function verifySignature(rawBody: string, header: string | null, signingKey: string, nowSeconds = Math.round(Date.now() / 1000)): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const t = Number(params.get("t"));
  const s = params.get("s") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > MAX_SKEW_SECONDS || !/^[0-9a-f]{64}$/.test(s)) return false;
  let body: string;
  try {
    body = rawBody === "" ? "" : canonicalJson(JSON.parse(rawBody));
  } catch {
    return false;
  }
  const expected = Buffer.from(signBody(body, signingKey, t).split("&s=")[1]!, "hex");
  return timingSafeEqual(expected, Buffer.from(s, "hex"));
}

/** The SDK's bearer for API calls (registration): the key's prefix + SHA-256 of its hex bytes. */
export function hashSigningKey(signingKey: string): string {
  const prefix = /^signkey-\w+-/.exec(signingKey)?.[0] ?? "";
  return `${prefix}${createHash("sha256").update(signingKey.slice(prefix.length), "hex").digest("hex")}`;
}
