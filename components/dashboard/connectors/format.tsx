/** A moment to the second, in UTC (server-rendered, so no hydration drift): "2026-01-01 12:00:30 UTC". */
export function UtcTime({ at }: { at: Date }) {
  const iso = at.toISOString();
  return <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`}</time>;
}

/** How far `at` is from `now`, coarsely: "in 42 s", "3 min ago", "in 2 h". */
export function relativeTime(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  const s = Math.round(Math.abs(ms) / 1000);
  const amount = s < 90 ? `${s} s` : s < 90 * 60 ? `${Math.round(s / 60)} min` : s < 36 * 3600 ? `${Math.round(s / 3600)} h` : `${Math.round(s / 86_400)} d`;
  return ms >= 0 ? `in ${amount}` : `${amount} ago`;
}

/** A success rate as a percentage, never rounded up to 100% while a call failed: 0.9996 → "99.9%". */
export function percent(rate: number): string {
  if (rate >= 1) return "100%";
  return `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`;
}

/** The health window in words: 300000 → "5 minutes". */
export function windowLabel(windowMs: number): string {
  const minutes = Math.max(1, Math.ceil(windowMs / 60_000));
  return minutes === 1 ? "minute" : `${minutes} minutes`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
