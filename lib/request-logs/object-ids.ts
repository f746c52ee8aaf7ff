import { ID_PREFIXES } from "@/lib/ids";

// Prefixes of objects a log links to; the request's own id, keys and idempotency rows are not "touched".
const SKIP = new Set<string>([ID_PREFIXES.request, ID_PREFIXES.apiKey, ID_PREFIXES.idempotencyKey, ID_PREFIXES.merchant]);
const PREFIXES = new Set<string>(Object.values(ID_PREFIXES).filter((p) => !SKIP.has(p)));
const ID_SHAPE = /^([a-z]+)_[0-9a-hjkmnp-tv-z]{26}$/;
const MAX_IDS = 32;
const MAX_DEPTH = 4;

function isObjectId(value: string): boolean {
  const m = ID_SHAPE.exec(value);
  return m !== null && PREFIXES.has(m[1]!);
}

function walk(value: unknown, depth: number, out: Set<string>): void {
  if (out.size >= MAX_IDS || depth > MAX_DEPTH) return;
  if (typeof value === "string") {
    if (isObjectId(value)) out.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) walk(v, depth + 1, out);
    return;
  }
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    // A list answer names many objects it did not touch: only its own fields count.
    const isList = obj.object === "list";
    for (const [k, v] of Object.entries(obj)) if (!(isList && k === "data")) walk(v, depth + 1, out);
  }
}

/**
 * The Kassa ids a call touched: ids in its path, its request body and its response (a list's items
 * excepted), at most 32. "Requests that touched pay_…" reads them (a GIN index on the array).
 */
export function objectIdsOf(path: string, requestBody: unknown, responseBody: unknown): string[] {
  const out = new Set<string>();
  for (const segment of path.split("/")) if (isObjectId(segment)) out.add(segment);
  walk(requestBody, 0, out);
  walk(responseBody, 0, out);
  return [...out].slice(0, MAX_IDS);
}
