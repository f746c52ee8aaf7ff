// Memory of each instance flat after warm-up (issue 22: within ±10 %), judged per process life: a kill -9
// starts a new process, whose memory starts from nothing again. Growth past 10 % fails; a fall is reported.
import type { Check } from "./checks";
import type { Instance } from "./cluster";

/**
 * Warm-up: the first 30 % of a life's samples or its first 2 minutes, whichever covers more samples. Measured
 * (10,000 operations, 2 cores): an instance that serves the API and runs workflow steps reaches its working
 * heap, about 520 MB, between 70 s and 160 s after it starts, and stays there (±5 %) for the rest of a long life.
 */
const WARM_UP_SHARE = 0.3;
const WARM_UP_MS = 120_000;
/** Samples needed after warm-up: two in each third. */
const MIN_JUDGED = 6;
const TOLERANCE = 0.1;

export type LifeVerdict =
  | { kind: "too short"; samples: number; afterWarmUp: number }
  | { kind: "judged"; samples: number; earlyMb: number; lateMb: number; change: number; afterWarmUp: number[] };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * One life's samples (oldest first). After warm-up, the median of the first third of the samples against the
 * median of the last third: V8 grows and returns its heap in steps of tens of MB around a collection, so one
 * sample against another judges the collector's timing; medians of a third each judge the trend, which is
 * what a leak shows.
 */
export function judgeLife(samples: { at: number; mb: number }[]): LifeVerdict {
  const start = samples[0]?.at ?? 0;
  const byTime = samples.filter((s) => s.at - start < WARM_UP_MS).length;
  const warmUp = Math.max(Math.ceil(samples.length * WARM_UP_SHARE), byTime);
  const after = samples.slice(warmUp).map((s) => s.mb);
  if (after.length < MIN_JUDGED) return { kind: "too short", samples: samples.length, afterWarmUp: after.length };
  const third = Math.floor(after.length / 3);
  const earlyMb = median(after.slice(0, third));
  const lateMb = median(after.slice(-third));
  return { kind: "judged", samples: samples.length, earlyMb, lateMb, change: (lateMb - earlyMb) / earlyMb, afterWarmUp: after };
}

/** Which samples a life is judged on: the live heap after a full collection (heap.ts), or the process's RSS. */
export type Series = "heap" | "rss";
type Sampled = Pick<Instance, "name" | "restarts"> & Partial<Pick<Instance, "rss" | "heap">>;
const SERIES_NAME: Record<Series, string> = { heap: "live heap", rss: "RSS" };
/** RSS is sampled every 5 s, the live heap every 15 s (a full collection each time: run.ts). */
export const SAMPLE_MS: Record<Series, number> = { heap: 15_000, rss: 5_000 };
const PER_30_S: Record<Series, number> = { heap: 30_000 / SAMPLE_MS.heap, rss: 30_000 / SAMPLE_MS.rss };

/**
 * Each life of each instance, in order, judged on its samples up to `until` (ms since the run began): the end
 * of the load. A leak shows under load; what follows is the idle recovery, where V8 hands memory back, and a
 * last third taken there would judge that instead.
 */
export function lives(instance: Sampled, until = Infinity, series: Series = "rss"): { life: number; verdict: LifeVerdict }[] {
  const samples = instance[series] ?? [];
  return Array.from({ length: instance.restarts.length + 1 }, (_, life) => ({
    life,
    verdict: judgeLife(samples.filter((s) => s.life === life && s.at <= until)),
  }));
}

/**
 * The run judges the live heap (series "heap"): what survives a full collection is what a leak grows. RSS
 * also holds the heap V8 reserves, which it sizes to the allocation rate (under this load 1.5–3× the live
 * heap), and malloc's free lists; it is reported per life in the instances table, not judged.
 */
export function memoryCheck(instances: Sampled[], until = Infinity, series: Series = "rss"): Check {
  const violations: string[] = [];
  const short: string[] = [];
  const fell: string[] = [];
  let judged = 0;
  for (const instance of instances) {
    for (const { life, verdict } of lives(instance, until, series)) {
      const what = `${instance.name} life ${life}`;
      if (verdict.kind === "too short") {
        short.push(`${instance.name} ${life} (${verdict.samples} samples)`);
        continue;
      }
      judged++;
      // Only growth fails: memory handed back once the load stops (a short run is mostly its idle recovery)
      // is no leak. A fall past the tolerance is named in the row instead.
      if (verdict.change < -TOLERANCE) fell.push(`${instance.name} ${life} ${(verdict.change * 100).toFixed(0)} %`);
      if (verdict.change > TOLERANCE)
        violations.push(
          `${what}: ${SERIES_NAME[series]} median ${verdict.earlyMb} MB early after warm-up, ${verdict.lateMb} MB late (${(verdict.change * 100).toFixed(0)} %, ${verdict.samples} samples;` +
            ` after warm-up, every 30 s: ${verdict.afterWarmUp.filter((_, i) => i % PER_30_S[series] === 0).join(" ")} MB)`,
        );
    }
  }
  const unjudged = short.length ? `; too short to judge: ${short.join(", ")}` : "";
  const released = fell.length ? `; fell, not failed: ${fell.join(", ")}` : "";
  const under = until === Infinity ? "" : " under load";
  const subject = series === "heap" ? "live heap (after a full collection)" : "memory";
  return { name: `${subject} grew ≤ ${TOLERANCE * 100} % after warm-up${under} (lives judged ${judged}${unjudged}${released})`, checked: judged, violations };
}
