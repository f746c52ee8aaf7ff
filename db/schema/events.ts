import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tenant } from "./columns";

/** The outbox: written in the same transaction as the change it describes. */
export const events = pgTable(
  "events",
  {
    id: primaryId(),
    ...tenant,
    type: text().notNull(),
    data: jsonb().$type<{ object: Record<string, unknown>; previous_attributes?: Record<string, unknown> }>().notNull(),
    requestId: text(),
    idempotencyKey: text(),
    /** Set by the outbox relay once the event is handed to the workflow engine. */
    publishedAt: timestamp({ withTimezone: true }),
    /** A relay claimed the row until then (it sends without holding a transaction open). */
    publishLeasedUntil: timestamp({ withTimezone: true }),
    ...createdAt,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    // The relay's claim walks the unpublished rows in id order; published ones (nearly all) are not in it.
    index("events_unpublished_idx")
      .on(t.id)
      .where(sql`${t.publishedAt} is null`),
    // A payment's page finds the events of the payment and its refunds and disputes by object id.
    index("events_object_id_idx").on(t.merchantId, t.livemode, sql`(${t.data}->'object'->>'id')`),
  ],
);

export type EventRow = typeof events.$inferSelect;
