// After the load: wait (at most three minutes) until every payment and refund is at rest, every outbox row is
// published and every event has reached the receiver. The reconciliation cron finishes work idle for 30 s,
// and the engine's leases (15 s here) hand a killed executor's steps to the restarted one.
import type { Client } from "pg";
import { expectedEvents, unsettled } from "./checks";
import type { Receiver } from "./receiver";

export const RECOVERY_WINDOW_MS = 180_000;

export async function waitForRecovery(
  pg: Client,
  merchantId: string,
  since: Date,
  receiver: Receiver,
  progress: (line: string) => void,
  /** What else must settle (Stripe's webhooks): a description of what is open, or null. */
  more: () => Promise<string | null> = async () => null,
): Promise<{ ms: number; settled: boolean; last: string }> {
  const started = Date.now();
  let last = "";
  let polls = 0;
  while (Date.now() - started < RECOVERY_WINDOW_MS) {
    const open = await unsettled(pg, merchantId);
    const delivered = new Set(receiver.got.filter((g) => g.answered === 200).map((g) => g.eventId));
    const expected = await expectedEvents(pg, merchantId, since);
    const undelivered = expected.filter((e) => !delivered.has(e.id)).length;
    const other = await more();
    last = `payments ${open.payments}, refunds ${open.refunds}, outbox ${open.outbox}, undelivered events ${undelivered}/${expected.length}${other ? `, ${other}` : ""}`;
    if (open.payments + open.refunds + open.outbox + undelivered === 0 && !other) return { ms: Date.now() - started, settled: true, last };
    if (++polls % 15 === 0) progress(`still recovering: ${last}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  return { ms: Date.now() - started, settled: false, last };
}
