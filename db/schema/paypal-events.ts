import { boolean, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * PayPal webhook events received at /api/webhooks/paypal, one row per PayPal event id: a redelivery of an
 * id already here is acknowledged and changes nothing. A row belongs to the merchant, mode and payment its
 * resource maps to (the `custom_id` Kassa put on the order, or the attempt that recorded the order); an
 * event that maps to none keeps them null and is handed nowhere.
 */
export const paypalEvents = pgTable(
  "paypal_events",
  {
    /** PayPal's event id (WH-…). */
    id: text().primaryKey(),
    type: text().notNull(),
    /** checkout-order, authorization, capture, refund. */
    resourceType: text(),
    resourceId: text(),
    /** The order the resource belongs to, when the event names it. */
    orderId: text(),
    merchantId: text(),
    livemode: boolean(),
    paymentId: text(),
    /** PAYPAL-TRANSMISSION-ID of the delivery that was recorded. */
    transmissionId: text().notNull(),
    /** The verified event as PayPal sent it; processing re-reads the order from PayPal and never applies this copy. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when the event was handled, or at once when it is handed nowhere; `outcome` says what happened. */
    processedAt: timestamp({ withTimezone: true }),
    outcome: text(),
  },
  (t) => [index().on(t.merchantId, t.livemode, t.paymentId)],
);
export type PayPalEventRow = typeof paypalEvents.$inferSelect;
