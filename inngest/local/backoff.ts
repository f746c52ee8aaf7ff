// Durations and retry timing as the Inngest engine applies them.

/** The engine's backoff table, indexed by the attempt that just failed (0-based). */
export const BACKOFF_TABLE_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 2_400_000, 3_600_000, 7_200_000] as const;

export const MAX_JITTER_MS = 30_000;

/** Jitter source in ms; tests pass `() => 0`. */
export type Jitter = () => number;
export const randomJitter: Jitter = () => Math.floor(Math.random() * MAX_JITTER_MS);

export function backoffMs(failedAttempt: number, jitter: Jitter = randomJitter): number {
  const i = Math.min(Math.max(failedAttempt, 0), BACKOFF_TABLE_MS.length - 1);
  return (BACKOFF_TABLE_MS[i] ?? 7_200_000) + jitter();
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses "5s", "10m", "1h30m", "2d" (the SDK's `timeStr` output) into ms; undefined if not one. */
export function parseDuration(input: string): number | undefined {
  const s = input.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
  return total;
}

/** A sleep's wake-up time from its op: a duration string, or an ISO date for `sleepUntil`. */
export function sleepUntil(name: string | undefined, opts: { duration?: string } | undefined, now: Date): Date | undefined {
  const spec = opts?.duration ?? name;
  if (!spec) return undefined;
  const ms = parseDuration(spec);
  if (ms !== undefined) return new Date(now.getTime() + ms);
  const at = Date.parse(spec);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** `Retry-After` as seconds or an HTTP/ISO date; undefined if absent or unreadable. */
export function retryAfter(header: string | null | undefined, now: Date): Date | undefined {
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return new Date(now.getTime() + Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : new Date(Math.max(at, now.getTime()));
}
