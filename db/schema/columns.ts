import { boolean, text, timestamp } from "drizzle-orm/pg-core";

// Shared column helpers, spread into every table so names and types never drift.
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const createdAt = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/** Every merchant-owned row carries its merchant and its mode. */
export const tenant = {
  merchantId: text().notNull(),
  livemode: boolean().notNull(),
};

export const primaryId = () => text().primaryKey();
