/**
 * Stripe's request encoding (application/x-www-form-urlencoded with bracketed keys, as the SDK's
 * stringifyRequestData writes it): `metadata[a]=1&expand[0]=latest_charge` → `{ metadata: { a: "1" },
 * expand: ["latest_charge"] }`. Numeric keys become arrays.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

export function parseStripeForm(body: string): FormParams {
  const root: Record<string, unknown> = {};
  if (!body) return root as FormParams;
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, " "));
    const value = eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, " "));
    const head = /^[^[]+/.exec(rawKey)?.[0] ?? rawKey;
    const path = [head, ...[...rawKey.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
    let cur: Record<string, unknown> = root;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i]!;
      cur[k] ??= {};
      cur = cur[k] as Record<string, unknown>;
    }
    cur[path[path.length - 1]!] = value;
  }
  return arrays(root) as FormParams;
}

/** Objects whose keys are exactly 0..n-1 become arrays. */
function arrays(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = arrays(o[k]);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => out[k]);
  return out;
}

/** A canonical string of parameters: same params (in any order) → same string. */
export function canonical(params: unknown): string {
  if (params === null || typeof params !== "object") return JSON.stringify(params);
  if (Array.isArray(params)) return `[${params.map(canonical).join(",")}]`;
  const o = params as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}
