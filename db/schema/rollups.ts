import { sql } from "drizzle-orm";
import { bigint, boolean, date, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

const total = () =>
  bigint({ mode: "bigint" })
    .notNull()
    .default(sql`0`);

/** How many rows share one rollup key (`ROLLUP_SHARD`). */
export const ROLLUP_SHARDS = 16;

/**
 * Which of a key's rows a write adds to: its database connection's (the server process id, modulo
 * ROLLUP_SHARDS). Transactions running at the same time are on different connections, so a busy merchant's
 * payments add to different rows instead of queueing for one: a rollup row is locked from the commit's
 * upsert until the commit is durable, and where a commit takes milliseconds (a managed server's replicated
 * WAL) one shared row would let a merchant commit one payment per commit time. Readers sum over the shards.
 */
export const ROLLUP_SHARD = sql`(pg_backend_pid() % ${sql.raw(String(ROLLUP_SHARDS))})`;
const shard = () => smallint().notNull().default(ROLLUP_SHARD);

/**
 * Payment totals per merchant, mode, UTC day of creation, currency, status and card brand ('' when
 * the payment has no card yet). Kept exact by a trigger on `payments` (migration `payment_rollups`)
 * in the same transaction as every change, whatever path made it: the trigger takes the old row's
 * contribution away and adds the new one's, in its connection's shard (ROLLUP_SHARD). The overview reads
 * only these rows, summed over the shards.
 */
export const paymentRollups = pgTable(
  "payment_rollups",
  {
    merchantId: text().notNull(),
    livemode: boolean().notNull(),
    day: date({ mode: "string" }).notNull(),
    currency: text().notNull(),
    status: text().notNull(),
    brand: text().notNull(),
    shard: shard(),
    count: total(),
    /** Payments whose last attempt was declined (`last_payment_error` set). */
    declined: total(),
    amount: total(),
    amountReceived: total(),
    amountRefunded: total(),
    fee: total(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.day, t.currency, t.status, t.brand, t.shard] })],
);

/** Refund totals per merchant, mode, UTC day of creation, currency and status; same trigger scheme on `refunds`. */
export const refundRollups = pgTable(
  "refund_rollups",
  {
    merchantId: text().notNull(),
    livemode: boolean().notNull(),
    day: date({ mode: "string" }).notNull(),
    currency: text().notNull(),
    status: text().notNull(),
    shard: shard(),
    count: total(),
    amount: total(),
    feeRefunded: total(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.day, t.currency, t.status, t.shard] })],
);

export type PaymentRollupRow = typeof paymentRollups.$inferSelect;
export type RefundRollupRow = typeof refundRollups.$inferSelect;

/**
 * MRR movements per merchant, mode, UTC day and currency, in minor units (lib/billing/mrr.ts says how an
 * item is normalised to a month and which statuses count). Kept by triggers on `subscriptions` (status) and
 * `subscription_items` (migration `mrr_rollup_triggers`), deferred to commit like the payment rollups: at
 * commit the subscription's MRR is recomputed from its final rows, compared with `subscription_mrr`, and the
 * difference is added here on the UTC day of the subscription's `updated_at` (every write sets it, so a
 * backdated seed lands on its own days), so several writes in one commit make one movement. The MRR on a
 * day is the sum of every movement up to it; the overview reads only these rows.
 */
export const mrrRollups = pgTable(
  "mrr_rollups",
  {
    merchantId: text().notNull(),
    livemode: boolean().notNull(),
    day: date({ mode: "string" }).notNull(),
    currency: text().notNull(),
    /** A subscription counted for the first time (e.g. its first invoice paid, its trial over). */
    newMrr: total(),
    /** Counted again after it stopped (resumed, or paid after dunning made it unpaid). */
    reactivationMrr: total(),
    /** A counted subscription's MRR went up (more seats, a dearer price) or down. */
    expansionMrr: total(),
    contractionMrr: total(),
    /** MRR a subscription had when it stopped counting (canceled, unpaid, paused). */
    churnedMrr: total(),
    /** Customers who began or ceased to have at least one counted subscription in this currency. */
    subscribersGained: total(),
    subscribersLost: total(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.day, t.currency] })],
);

/** Each subscription's MRR as the rollups last counted it (the triggers' memory, one row per subscription). */
export const subscriptionMrr = pgTable("subscription_mrr", {
  subscription: text().primaryKey(),
  merchantId: text().notNull(),
  livemode: boolean().notNull(),
  customer: text().notNull(),
  currency: text().notNull(),
  mrr: total(),
  /** Whether its status counts now (a free price counts with an MRR of zero). */
  counted: boolean().notNull().default(false),
  /** Whether it ever counted: counting again is a reactivation, not new MRR. */
  everCounted: boolean().notNull().default(false),
});

/** How many counted subscriptions a customer has in a currency: they are a subscriber while it is above zero. */
export const mrrSubscribers = pgTable(
  "mrr_subscribers",
  {
    merchantId: text().notNull(),
    livemode: boolean().notNull(),
    customer: text().notNull(),
    currency: text().notNull(),
    subscriptions: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.customer, t.currency] })],
);

export type MrrRollupRow = typeof mrrRollups.$inferSelect;
