import { and, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { chainTransactions } from "@/db/schema";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { commit } from "@/lib/service/commit";
import { systemActor } from "@/lib/service/context";
import { senderEvent } from "./queue-transaction";

/** Untouched this long, an open transaction's sender run is presumed gone (a run whose retries ran out). */
export const SENDER_STALE_AFTER_MS = 5 * 60_000;

/**
 * The safety net under the chain senders (the reconcile-payments cron): every account with a transaction
 * still open and untouched for five minutes gets its sender woken again. A sender that is alive merely
 * queues the new run behind itself (one run per account), which finds nothing left and ends.
 */
export async function wakeStaleSenders(db: Executor, { now = Date.now(), limit = 100 } = {}): Promise<number> {
  const stale = await db
    .selectDistinct({
      merchantId: chainTransactions.merchantId,
      livemode: chainTransactions.livemode,
      chainId: chainTransactions.chainId,
      from: chainTransactions.fromAddress,
    })
    .from(chainTransactions)
    .where(and(inArray(chainTransactions.status, ["queued", "signed", "broadcast"]), lt(chainTransactions.updatedAt, new Date(now - SENDER_STALE_AFTER_MS))))
    .orderBy(sql`1, 2, 3, 4`)
    .limit(limit);
  for (const s of stale) {
    const ctx = { merchantId: s.merchantId, livemode: s.livemode, actor: systemActor("reconcile-payments"), db };
    await commit(ctx, async (_tx, changes) => declareInternalEvent(changes, INTERNAL_EVENTS.chainTransactionQueued, senderEvent(ctx, s.chainId, s.from)));
  }
  return stale.length;
}
