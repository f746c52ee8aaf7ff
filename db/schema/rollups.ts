import { sql } from "drizzle-orm";
import { bigint, boolean, date, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

const total = () =>
  bigint({ mode: "bigint" })
    .notNull()
    .default(sql`0`);

/**
 * Payment totals per merchant, mode, UTC day of creation, currency, status and card brand ('' when
 * the payment has no card yet). Kept exact by a trigger on `payments` (migration `payment_rollups`)
 * in the same transaction as every change, whatever path made it: the trigger takes the old row's
 * contribution away and adds the new one's. The overview reads only these rows.
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
    count: total(),
    /** Payments whose last attempt was declined (`last_payment_error` set). */
    declined: total(),
    amount: total(),
    amountReceived: total(),
    amountRefunded: total(),
    fee: total(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.day, t.currency, t.status, t.brand] })],
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
    count: total(),
    amount: total(),
    feeRefunded: total(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode, t.day, t.currency, t.status] })],
);

export type PaymentRollupRow = typeof paymentRollups.$inferSelect;
export type RefundRollupRow = typeof refundRollups.$inferSelect;
