import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { primaryId, tenant, timestamps } from "./columns";

/** What a merchant sells (Stripe's Product). Never deleted: `active = false` archives it. */
export const products = pgTable(
  "products",
  {
    id: primaryId(),
    ...tenant,
    active: boolean().notNull().default(true),
    name: text().notNull(),
    description: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** One of the product's own active prices (checked by the verbs), or none. */
    defaultPrice: text(),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id), index().on(t.merchantId, t.livemode, t.active, t.id)],
);
export type ProductRow = typeof products.$inferSelect;

export const PRICE_TYPES = ["one_time", "recurring"] as const;
export type PriceType = (typeof PRICE_TYPES)[number];
export const PRICE_INTERVALS = ["day", "week", "month", "year"] as const;
export type PriceInterval = (typeof PRICE_INTERVALS)[number];

/**
 * How much and how often a product costs (Stripe's Price). Amount, currency and recurrence never change
 * once made: a new price replaces an old one, which is archived.
 */
export const prices = pgTable(
  "prices",
  {
    id: primaryId(),
    ...tenant,
    product: text().notNull(),
    active: boolean().notNull().default(true),
    currency: text().notNull(),
    /** Minor units of `currency`. */
    unitAmount: bigint({ mode: "bigint" }).notNull(),
    type: text().$type<PriceType>().notNull(),
    /** Set for recurring prices only. */
    recurringInterval: text().$type<PriceInterval>(),
    recurringIntervalCount: integer(),
    nickname: text(),
    lookupKey: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.product, t.id),
    // A lookup key names one active price per merchant and mode; archiving a price frees its key.
    uniqueIndex("prices_active_lookup_key_idx")
      .on(t.merchantId, t.livemode, t.lookupKey)
      .where(sql`${t.active} and ${t.lookupKey} is not null`),
  ],
);
export type PriceRow = typeof prices.$inferSelect;
