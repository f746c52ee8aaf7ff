import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { CardDetails } from "./payments";
import { primaryId, tenant, timestamps } from "./columns";

/** A merchant's customer (Stripe's Customer). On Stripe it is mirrored by a Stripe customer (`processorId`). */
export const customers = pgTable(
  "customers",
  {
    id: primaryId(),
    ...tenant,
    email: text(),
    name: text(),
    description: text(),
    phone: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Stripe's invoice_settings.default_payment_method: the saved card off-session charges use by default. */
    defaultPaymentMethod: text(),
    /**
     * Stripe's customer balance, minor units: negative is credit (a proration credit left by a downgrade or a
     * cancellation) that the next invoice uses up; positive is debt added to it.
     */
    balance: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    connector: text().notNull(),
    /** Stripe's cus_… once created there (created lazily if the first call failed); the sandbox has none. */
    processorId: text(),
    /** Deleted customers are kept (payments name them) but answer 404 like any missing object. */
    deletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id), index().on(t.merchantId, t.livemode, t.createdAt), uniqueIndex().on(t.processorId)],
);
export type CustomerRow = typeof customers.$inferSelect;

/**
 * A saved payment method: only the processor's token and what may be shown (brand, last4, expiry,
 * fingerprint) — never a card number or CVC. Its id is the processor's (Stripe `pm_…`, sandbox `pm_…`).
 */
export const paymentMethods = pgTable(
  "payment_methods",
  {
    id: primaryId(),
    ...tenant,
    customer: text(),
    type: text().$type<"card">().notNull(),
    card: jsonb().$type<CardDetails>().notNull(),
    connector: text().notNull(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.customer, t.id)],
);
export type PaymentMethodRow = typeof paymentMethods.$inferSelect;

export const SETUP_INTENT_STATUSES = ["requires_payment_method", "requires_action", "processing", "succeeded", "canceled"] as const;
export type SetupIntentStatus = (typeof SETUP_INTENT_STATUSES)[number];

/** Saving a card for later (Stripe's SetupIntent): on success the card is a payment method of the customer. */
export const setupIntents = pgTable(
  "setup_intents",
  {
    id: primaryId(),
    ...tenant,
    customer: text().notNull(),
    status: text().$type<SetupIntentStatus>().notNull(),
    /** The token the card was given as (e.g. pm_card_visa, a Stripe.js pm_…), then the saved payment method. */
    paymentMethod: text(),
    usage: text().$type<"off_session" | "on_session">().notNull(),
    lastSetupError: jsonb().$type<{ type: string; code: string; decline_code: string | null; message: string }>(),
    connector: text().notNull(),
    processorId: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id), uniqueIndex().on(t.processorId)],
);
export type SetupIntentRow = typeof setupIntents.$inferSelect;
