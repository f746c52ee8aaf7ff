import { addHistogram, emptyHistogram, percentile, slotOf } from "./latency-histogram";
import { keyString, type CallOutcome, type ConnectorKey } from "./types";

const MINUTE_MS = 60_000;

/** One connector's outcomes and latencies in one minute (as one instance, or the fleet, saw them). */
export interface MinuteCounts {
  successes: number;
  declines: number;
  transientFailures: number;
  unknownOutcomes: number;
  latencySumMs: number;
  latencyMaxMs: number;
  latencyHistogram: number[];
}

/** Success rate and latency over the window. A decline counts as a success: the processor worked. */
export interface HealthStats {
  total: number;
  successes: number;
  declines: number;
  transientFailures: number;
  unknownOutcomes: number;
  /** (successes + declines) / total, or null when nothing was called. */
  successRate: number | null;
  latencyMs: { p50: number; p95: number; max: number; mean: number } | null;
}

export const emptyCounts = (): MinuteCounts => ({
  successes: 0,
  declines: 0,
  transientFailures: 0,
  unknownOutcomes: 0,
  latencySumMs: 0,
  latencyMaxMs: 0,
  latencyHistogram: emptyHistogram(),
});

export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** The first minute inside the window ending at `now`: the current minute and the whole minutes before it. */
export function windowStart(now: number, windowMs: number): number {
  return minuteOf(now) - (Math.max(1, Math.ceil(windowMs / MINUTE_MS)) - 1) * MINUTE_MS;
}

export function addCounts(into: MinuteCounts, from: MinuteCounts): void {
  into.successes += from.successes;
  into.declines += from.declines;
  into.transientFailures += from.transientFailures;
  into.unknownOutcomes += from.unknownOutcomes;
  into.latencySumMs += from.latencySumMs;
  into.latencyMaxMs = Math.max(into.latencyMaxMs, from.latencyMaxMs);
  // A row written with other bounds still counts toward the rates; only its latencies are left out.
  addHistogram(into.latencyHistogram, from.latencyHistogram);
}

export function statsOf(c: MinuteCounts): HealthStats {
  const total = c.successes + c.declines + c.transientFailures + c.unknownOutcomes;
  const timed = c.latencyHistogram.reduce((a, b) => a + b, 0);
  return {
    total,
    successes: c.successes,
    declines: c.declines,
    transientFailures: c.transientFailures,
    unknownOutcomes: c.unknownOutcomes,
    successRate: total === 0 ? null : (c.successes + c.declines) / total,
    latencyMs:
      timed === 0
        ? null
        : {
            p50: percentile(c.latencyHistogram, 0.5, c.latencyMaxMs)!,
            p95: percentile(c.latencyHistogram, 0.95, c.latencyMaxMs)!,
            max: c.latencyMaxMs,
            mean: Math.round(c.latencySumMs / timed),
          },
  };
}

export interface DirtyMinute {
  key: ConnectorKey;
  minute: number;
  counts: MinuteCounts;
}

interface Bucket {
  counts: MinuteCounts;
  dirty: boolean;
}

/**
 * This instance's per-minute health buckets: `add` is synchronous and allocation-light (the payment path
 * calls it); `stats` reads the window from memory; `takeDirty` hands the flusher copies of the minutes
 * changed since its last write (running totals, so rewriting one is harmless). Minutes that left the
 * window and were written are dropped.
 */
export class HealthWindow {
  private buckets = new Map<string, { key: ConnectorKey; minutes: Map<number, Bucket> }>();

  constructor(private readonly windowMs: number) {}

  add(key: ConnectorKey, outcome: CallOutcome, latencyMs: number, now: number): void {
    const k = keyString(key);
    let entry = this.buckets.get(k);
    if (!entry) this.buckets.set(k, (entry = { key: { connector: key.connector, livemode: key.livemode }, minutes: new Map() }));
    const minute = minuteOf(now);
    let bucket = entry.minutes.get(minute);
    if (!bucket) entry.minutes.set(minute, (bucket = { counts: emptyCounts(), dirty: false }));
    const c = bucket.counts;
    if (outcome === "success") c.successes++;
    else if (outcome === "declined") c.declines++;
    else if (outcome === "transient_failure") c.transientFailures++;
    else c.unknownOutcomes++;
    if (Number.isFinite(latencyMs) && latencyMs >= 0) {
      const ms = Math.round(latencyMs);
      c.latencySumMs += ms;
      c.latencyMaxMs = Math.max(c.latencyMaxMs, ms);
      c.latencyHistogram[slotOf(ms)]!++;
    }
    bucket.dirty = true;
  }

  /** The window's counts for one connector, from memory. */
  counts(key: ConnectorKey, now: number): MinuteCounts {
    const total = emptyCounts();
    const from = windowStart(now, this.windowMs);
    for (const [minute, bucket] of this.buckets.get(keyString(key))?.minutes ?? []) if (minute >= from) addCounts(total, bucket.counts);
    return total;
  }

  stats(key: ConnectorKey, now: number): HealthStats {
    return statsOf(this.counts(key, now));
  }

  /** The window's outcomes and failing ones among them (for a transition's history row). */
  failureCounts(key: ConnectorKey, now: number): { total: number; failures: number } {
    const c = this.counts(key, now);
    const failures = c.transientFailures + c.unknownOutcomes;
    return { total: failures + c.successes + c.declines, failures };
  }

  /** Copies of the minutes changed since the last take, now marked written; `putBack` on a failed write. */
  takeDirty(): DirtyMinute[] {
    const out: DirtyMinute[] = [];
    for (const { key, minutes } of this.buckets.values())
      for (const [minute, bucket] of minutes) {
        if (!bucket.dirty) continue;
        bucket.dirty = false;
        out.push({ key, minute, counts: { ...bucket.counts, latencyHistogram: [...bucket.counts.latencyHistogram] } });
      }
    return out;
  }

  putBack(minutes: DirtyMinute[]): void {
    for (const m of minutes) {
      const bucket = this.buckets.get(keyString(m.key))?.minutes.get(m.minute);
      if (bucket) bucket.dirty = true;
    }
  }

  get hasDirty(): boolean {
    for (const { minutes } of this.buckets.values()) for (const b of minutes.values()) if (b.dirty) return true;
    return false;
  }

  /** Drops written minutes that left the window. */
  prune(now: number): void {
    const from = windowStart(now, this.windowMs);
    for (const [k, entry] of this.buckets) {
      for (const [minute, bucket] of entry.minutes) if (minute < from && !bucket.dirty) entry.minutes.delete(minute);
      if (entry.minutes.size === 0) this.buckets.delete(k);
    }
  }
}
