import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { balanceTransactions } from "@/db/schema";
import { getDb } from "@/db/client";
import { commitPlatform } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { postJournalEntry } from "./post-journal-entry";
import { postingsFor } from "./postings";

export interface ReleaseResult {
  /** Balance transactions moved from pending to available by this call. */
  released: number;
}

/**
 * System verb (a cron job calls it): releases every pending balance transaction whose
 * `available_on` has passed — posts a `release` entry moving its net from merchant_pending to
 * merchant_available (key `release:<txn id>`) and marks it available, in one transaction per batch.
 * Idempotent: released rows are no longer pending, and a release key posts once. Concurrent runs
 * skip each other's rows (FOR UPDATE SKIP LOCKED). `ctx` narrows it to one merchant and mode.
 */
export async function releaseAvailableFunds(args: {
  ctx?: Pick<ServiceContext, "merchantId" | "livemode">;
  now?: Date;
  db?: Executor;
  batchSize?: number;
}): Promise<ReleaseResult> {
  const db = (args.db ?? (await getDb())) as Database;
  const now = args.now ?? new Date();
  const batchSize = args.batchSize ?? 100;
  const t = balanceTransactions;
  let released = 0;
  for (;;) {
    const count = await commitPlatform(db, async (tx) => {
      const due = await tx
        .select()
        .from(t)
        .where(
          and(
            eq(t.status, "pending"),
            lte(t.availableOn, now),
            args.ctx ? eq(t.merchantId, args.ctx.merchantId) : undefined,
            args.ctx ? eq(t.livemode, args.ctx.livemode) : undefined,
          ),
        )
        .orderBy(asc(t.availableOn), asc(t.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      for (const bt of due) {
        // A zero net moves nothing: no entry, only the status changes.
        if (bt.net === 0n) continue;
        await postJournalEntry(tx, {
          merchantId: bt.merchantId,
          livemode: bt.livemode,
          currency: bt.currency,
          key: `release:${bt.id}`,
          type: "release",
          source: { type: "balance_transaction", id: bt.id },
          lines: postingsFor.release({ net: bt.net }),
        });
      }
      if (due.length > 0) {
        await tx
          .update(t)
          .set({ status: "available" })
          .where(
            inArray(
              t.id,
              due.map((bt) => bt.id),
            ),
          );
      }
      return due.length;
    });
    released += count;
    if (count < batchSize) return { released };
  }
}
