/**
 * When a UPI payment's status is checked, as PSPs publish it (NPCI's guidance for Intent and QR): the
 * first check 22 s after the start (20–25 s), then every 3 s for 30 s, every 6 s for 60 s, every 10 s for
 * 60 s, every 30 s for 60 s, then every minute — while before the expiry, which ends the run.
 */
export const POLL_CADENCE: readonly { everyMs: number; forMs: number }[] = [
  { everyMs: 3_000, forMs: 30_000 },
  { everyMs: 6_000, forMs: 60_000 },
  { everyMs: 10_000, forMs: 60_000 },
  { everyMs: 30_000, forMs: 60_000 },
];
export const FIRST_CHECK_MS = 22_000;
export const THEN_EVERY_MS = 60_000;

/** The check times (ms since epoch) strictly before `expiresAt`. */
export function pollSchedule(startedAt: number, expiresAt: number): number[] {
  const out: number[] = [];
  let at = startedAt + FIRST_CHECK_MS;
  const push = (t: number) => {
    if (t < expiresAt) out.push(t);
  };
  push(at);
  for (const phase of POLL_CADENCE) {
    for (let n = 0; n < phase.forMs / phase.everyMs; n++) push((at += phase.everyMs));
  }
  while ((at += THEN_EVERY_MS) < expiresAt) push(at);
  return out;
}
