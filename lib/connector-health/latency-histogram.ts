/**
 * Latency histograms that add up across instances and minutes, so the fleet's p95 is a percentile of all
 * calls, not an average of per-instance percentiles. Slot i counts latencies ≤ LATENCY_BOUNDS_MS[i] (and
 * above the bound before); the last slot counts those above every bound. A percentile is the upper bound
 * of the slot holding its rank, capped by the largest latency seen: never lower than the truth, and at
 * most one slot (≤ 50%, ≤ 25% above 100 ms) above it. Changing the bounds makes stored rows unreadable
 * for percentiles (their length no longer matches); they are skipped, and age out within a day.
 */
export const LATENCY_BOUNDS_MS = [
  1, 2, 3, 5, 7, 10, 15, 20, 30, 40, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 600, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10_000,
  15_000, 20_000, 30_000, 60_000,
] as const;
export const HISTOGRAM_SLOTS = LATENCY_BOUNDS_MS.length + 1;

export const emptyHistogram = (): number[] => new Array<number>(HISTOGRAM_SLOTS).fill(0);

export function slotOf(latencyMs: number): number {
  let lo = 0;
  let hi: number = LATENCY_BOUNDS_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (latencyMs <= LATENCY_BOUNDS_MS[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Adds `from` into `into` (same length); false when `from` has another shape (old bounds). */
export function addHistogram(into: number[], from: readonly number[]): boolean {
  if (from.length !== into.length) return false;
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
  return true;
}

/** The q-quantile (0 < q ≤ 1) of the histogram's latencies, or null with none; capped by `maxMs`. */
export function percentile(histogram: readonly number[], q: number, maxMs: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= rank) return Math.min(LATENCY_BOUNDS_MS[i] ?? maxMs, maxMs);
  }
  return maxMs;
}
