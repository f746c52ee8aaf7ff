/** JSON with bigint amounts written as numbers (they are bounded well under 2^53). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? Number(v) : v));
}
