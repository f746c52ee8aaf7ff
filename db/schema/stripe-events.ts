import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Stripe events received at /api/webhooks/stripe, one row per Stripe event id: a delivery of an id
 * already here is a duplicate and ignored. Platform-level (Stripe's account is Kassa's), so no tenant.
 */
export const stripeEvents = pgTable("stripe_events", {
  id: text().primaryKey(),
  type: text().notNull(),
  livemode: text().$type<"true" | "false">().notNull(),
  payload: jsonb().$type<Record<string, unknown>>().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Set by the outbox relay once the event is handed to the workflow engine (the row is its own outbox row). */
  dispatchedAt: timestamp({ withTimezone: true }),
  /** Set when the handler finished; `outcome` says what it did (applied, ignored, unknown_object…). */
  processedAt: timestamp({ withTimezone: true }),
  outcome: text(),
});
export type StripeEventRow = typeof stripeEvents.$inferSelect;
