import { createHmac } from "node:crypto";

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
