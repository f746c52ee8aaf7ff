/**
 * Exponential backoff with "equal jitter": half the doubled delay is fixed, the other half random, so
 * retries of many transactions spread out (no thundering herd on a node that just came back) while each
 * still waits at least half its step. attempt 1 → 1–2 s, 2 → 2–4 s, … up to 5–10 min.
 */
export function backoffMs(
  attempt: number,
  { baseMs = 2_000, capMs = 600_000, random = Math.random }: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
