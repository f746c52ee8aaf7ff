import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sqlState } from "@/db/batch";

/** Rollup rows moved per transaction: each batch is one short transaction. */
const BATCH = 2_000;
/** Batches per call at most (the cron comes back in an hour for the rest). */
const MAX_BATCHES = 200;

/** A rollup table: its key (without the shard) in the order the rollup triggers lock rows, and its summed columns. */
interface RollupTable {
  name: string;
  key: readonly string[];
  sums: readonly string[];
}
const PAYMENT_ROLLUPS: RollupTable = {
  name: "payment_rollups",
  key: ["merchant_id", "livemode", "day", "currency", "status", "brand"],
  sums: ["count", "declined", "amount", "amount_received", "amount_refunded", "fee"],
};
const REFUND_ROLLUPS: RollupTable = {
  name: "refund_rollups",
  key: ["merchant_id", "livemode", "day", "currency", "status"],
  sums: ["count", "amount", "fee_refunded"],
};

/**
 * One batch of one table, one statement: the batch's rows of days before `before` outside shard 0, taken only
 * where no transaction holds them (SKIP LOCKED: a payment's commit never waits for the compaction, nor the
 * compaction for it), deleted, and added to their key's shard 0 in the order the rollup triggers lock rows
 * (concat_ws of the key), so a commit adding to shard 0 and the compaction cannot wait for each other in a cycle.
 * A commit that adds to a row deleted here waits for this statement's commit, then inserts that row afresh
 * (INSERT … ON CONFLICT retries when the row it conflicted with is gone): nothing is lost or counted twice.
 * The insert runs though nothing reads it: PostgreSQL runs every data-modifying WITH exactly once.
 */
function fold({ name, key, sums }: RollupTable, before: string) {
  const list = (columns: readonly string[], each: (c: string) => string = (c) => c) => sql.raw(columns.map(each).join(", "));
  const table = sql.raw(name);
  const sharded = [...key, "shard"];
  return sql`
  with picked as (
    select ${list(sharded)} from ${table}
    where day < ${before}::date and shard <> 0
    order by ${list(sharded)}
    limit ${BATCH}
    for update skip locked
  ), moved as (
    delete from ${table} r using picked p
    where (${list(sharded, (c) => `r.${c}`)}) = (${list(sharded, (c) => `p.${c}`)})
    returning r.*
  ), added as (
    insert into ${table} as r (${list(sharded)}, ${list(sums)})
    select ${list(key)}, 0, ${list(sums, (c) => `sum(${c})`)}
    from moved group by ${list(key)}
    order by concat_ws('|', ${list(key)})
    on conflict (${list(sharded)}) do update set ${list(sums, (c) => `${c} = r.${c} + excluded.${c}`)}
  )
  select (select count(*) from moved)::int as moved`;
}

async function foldBatch(db: Executor, query: ReturnType<typeof sql>): Promise<number> {
  return db.transaction(async (tx) => {
    // Waiting for a commit that holds a shard-0 row is allowed only briefly: past 100 ms this batch gives up (and
    // the next run does it), long before PostgreSQL's deadlock check (1 s) could pick a payment's commit instead.
    await tx.execute(sql`set local lock_timeout = '100ms'`);
    const result = (await tx.execute(query)) as unknown as { rows: { moved: number }[] };
    return Number(result.rows[0]?.moved ?? 0);
  });
}

/**
 * Folds the rollup shards of every day before `before` (a UTC day, default today) into shard 0. Payments add to
 * their connection's shard so that a merchant's commits do not queue for one row (db/schema/rollups.ts); the
 * days they are created on take those writes, and an older day's rows are written only when an older payment
 * changes (a capture, a refund). Folded, an older day is one row per key again, which keeps the overview's read
 * of 90 days near the size it had before shards. Batches of 2,000 rows, each its own transaction; a batch that
 * meets a lock it cannot take within 100 ms is left to the next run.
 */
export async function compactRollups(args: { db: Executor; before?: string }): Promise<{ payments: number; refunds: number; skipped: number }> {
  const before = args.before ?? new Date().toISOString().slice(0, 10);
  const totals = { payments: 0, refunds: 0, skipped: 0 };
  for (const [table, query] of [
    ["payments", fold(PAYMENT_ROLLUPS, before)],
    ["refunds", fold(REFUND_ROLLUPS, before)],
  ] as const) {
    for (let i = 0; i < MAX_BATCHES; i++) {
      let moved: number;
      try {
        moved = await foldBatch(args.db, query);
      } catch (error) {
        if (sqlState(error) !== "55P03") throw error; // lock_not_available
        totals.skipped++;
        break;
      }
      totals[table] += moved;
      if (moved < BATCH) break;
    }
  }
  return totals;
}
