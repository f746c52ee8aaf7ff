// Rate limits hold across instances: a burst on one fresh key, spread by the proxy over both instances,
// gets about the limit through — not the limit once per instance, as an in-process limiter would.
import { RATE_LIMIT, RATE_LIMIT_MAX } from "./cluster";
import type { Check } from "./checks";

export async function burstCheck(base: string, apiKey: string): Promise<Check> {
  const total = RATE_LIMIT_MAX * 3;
  const statuses = new Map<number, number>();
  let sent = 0;
  const started = Date.now();
  const worker = async () => {
    while (sent < total) {
      sent++;
      const res = await fetch(`${base}/api/v1/payments?limit=1`, { headers: { Authorization: `Bearer ${apiKey}` } }).catch(() => null);
      await res?.arrayBuffer();
      statuses.set(res?.status ?? 0, (statuses.get(res?.status ?? 0) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 24 }, worker));
  const ms = Date.now() - started;
  const passed = statuses.get(200) ?? 0;
  const violations: string[] = [];
  const seen = [...statuses].map(([s, n]) => `${s}×${n}`).join(" ");
  // The sliding window may let a little more through across a window's edge; two limiters would let twice through.
  if (passed > RATE_LIMIT_MAX * 1.25) violations.push(`${passed} of ${total} passed a ${RATE_LIMIT} limit in ${ms} ms (${seen})`);
  if (!statuses.get(429)) violations.push(`no 429 in a burst of ${total} against ${RATE_LIMIT} (${seen})`);
  return { name: `rate limit ${RATE_LIMIT} held across both instances (${passed}/${total} in ${(ms / 1000).toFixed(1)} s)`, checked: total, violations };
}
