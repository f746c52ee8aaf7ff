import { createHash } from "node:crypto";

/**
 * When each try of a delivery happens, in seconds after the previous one: immediately, 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h (about 27.6 h… 3 days with jitter and Retry-After), then failed.
 */
export const RETRY_SCHEDULE_S = [0, 5, 300, 1800, 7200, 18000, 36000, 36000] as const;

/**
 * The wait before try `n` (n ≥ 1) with ±10% jitter derived from the delivery id, so a replayed
 * function computes the same waits and a burst of deliveries does not retry in lockstep.
 */
export function retryDelaySeconds(deliveryId: string, n: number): number {
  const base = RETRY_SCHEDULE_S[n];
  if (base === undefined) throw new RangeError(`no try ${n} in the schedule`);
  if (base === 0) return 0;
  const byte = createHash("sha256").update(`${deliveryId}:${n}`).digest()[0]!;
  const factor = 0.9 + (byte / 255) * 0.2;
  return Math.max(1, Math.round(base * factor));
}
