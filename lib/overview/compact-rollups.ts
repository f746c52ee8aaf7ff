import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sqlState } from "@/db/batch";

/** Rollup rows moved per transaction: each batch is one short transaction. */
const BATCH = 2_000;
/** Batches per call at most (the cron comes back in an hour for the rest). */
const MAX_BATCHES = 200;

/**
 * One batch of one table, one statement: the batch's rows of days before `before` outside shard 0, taken only
 * where no transaction holds them (SKIP LOCKED: a payment's commit never waits for the compaction, nor the
 * compaction for it), deleted, and added to their key's shard 0 in the order the rollup triggers lock rows
 * (concat_ws of the key), so a commit adding to shard 0 and the compaction cannot wait for each other in a cycle.
 * A commit that adds to a row deleted here waits for this statement's commit, then inserts that row afresh
 * (INSERT … ON CONFLICT retries when the row it conflicted with is gone): nothing is lost or counted twice.
 * The insert runs though nothing reads it: PostgreSQL runs every data-modifying WITH exactly once.
 */
const foldPayments = (before: string) => sql`
  with picked as (
    select merchant_id, livemode, day, currency, status, brand, shard from payment_rollups
    where day < ${before}::date and shard <> 0
    order by merchant_id, livemode, day, currency, status, brand, shard
    limit ${BATCH}
    for update skip locked
  ), moved as (
    delete from payment_rollups r using picked p
    where (r.merchant_id, r.livemode, r.day, r.currency, r.status, r.brand, r.shard)
        = (p.merchant_id, p.livemode, p.day, p.currency, p.status, p.brand, p.shard)
    returning r.*
  ), added as (
    insert into payment_rollups as r (merchant_id, livemode, day, currency, status, brand, shard, count, declined, amount, amount_received, amount_refunded, fee)
    select merchant_id, livemode, day, currency, status, brand, 0, sum(count), sum(declined), sum(amount), sum(amount_received), sum(amount_refunded), sum(fee)
    from moved group by merchant_id, livemode, day, currency, status, brand
    order by concat_ws('|', merchant_id, livemode, day, currency, status, brand)
    on conflict (merchant_id, livemode, day, currency, status, brand, shard) do update set
      count = r.count + excluded.count, declined = r.declined + excluded.declined, amount = r.amount + excluded.amount,
      amount_received = r.amount_received + excluded.amount_received, amount_refunded = r.amount_refunded + excluded.amount_refunded,
      fee = r.fee + excluded.fee
  )
  select (select count(*) from moved)::int as moved`;

const foldRefunds = (before: string) => sql`
  with picked as (
    select merchant_id, livemode, day, currency, status, shard from refund_rollups
    where day < ${before}::date and shard <> 0
    order by merchant_id, livemode, day, currency, status, shard
    limit ${BATCH}
    for update skip locked
  ), moved as (
    delete from refund_rollups r using picked p
    where (r.merchant_id, r.livemode, r.day, r.currency, r.status, r.shard) = (p.merchant_id, p.livemode, p.day, p.currency, p.status, p.shard)
    returning r.*
  ), added as (
    insert into refund_rollups as r (merchant_id, livemode, day, currency, status, shard, count, amount, fee_refunded)
    select merchant_id, livemode, day, currency, status, 0, sum(count), sum(amount), sum(fee_refunded)
    from moved group by merchant_id, livemode, day, currency, status
    order by concat_ws('|', merchant_id, livemode, day, currency, status)
    on conflict (merchant_id, livemode, day, currency, status, shard) do update set
      count = r.count + excluded.count, amount = r.amount + excluded.amount, fee_refunded = r.fee_refunded + excluded.fee_refunded
  )
  select (select count(*) from moved)::int as moved`;

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
    ["payments", foldPayments(before)],
    ["refunds", foldRefunds(before)],
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
