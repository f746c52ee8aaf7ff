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
    if (++polls % 15 === 0) progress(`still recovering: ${last} (backlog ${await backlog(pg, merchantId)})`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  return { ms: Date.now() - started, settled: false, last };
}

/**
 * Where work waits, for the progress lines: the merchant's outbox rows not yet handed to the engine, Stripe's
 * events not yet handed on or not yet processed, the engine's calls due and not leased (its backlog) and its
 * runs in progress. A run that falls behind shows which stage it is.
 */
export async function backlog(pg: Client, merchantId: string): Promise<string> {
  const { rows } = await pg.query<Record<string, string>>(
    `select (select count(*) from events where merchant_id = $1 and published_at is null) as outbox,
            (select count(*) from stripe_events where dispatched_at is null and processed_at is null) as stripe_undispatched,
            (select count(*) from stripe_events where processed_at is null) as stripe_unprocessed,
            (select count(*) from inngest_local.inngest_queue where kind = 'call' and due_at <= now()
               and (leased_until is null or leased_until < now())) as calls_due,
            (select count(*) from inngest_local.inngest_queue where kind = 'call' and leased_until >= now()) as calls_leased,
            (select count(*) from inngest_local.inngest_runs where status = 'running') as runs`,
    [merchantId],
  );
  const r = rows[0]!;
  return `outbox ${r.outbox}, Stripe undispatched ${r.stripe_undispatched} unprocessed ${r.stripe_unprocessed}, engine calls due ${r.calls_due} leased ${r.calls_leased}, runs ${r.runs}`;
}
