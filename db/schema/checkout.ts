import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { CaptureMethod } from "./payments";
import { primaryId, tenant, timestamps } from "./columns";

export const CHECKOUT_SESSION_STATUSES = ["open", "complete", "expired"] as const;
export type CheckoutSessionStatus = (typeof CHECKOUT_SESSION_STATUSES)[number];

export const CHECKOUT_PAYMENT_METHOD_TYPES = ["card", "upi", "paypal", "crypto"] as const;
export type CheckoutPaymentMethodType = (typeof CHECKOUT_PAYMENT_METHOD_TYPES)[number];

/**
 * A customer's visit to pay one amount (Stripe: a Checkout Session). The amount is fixed here when
 * the merchant creates it; the page never takes an amount from the browser. Its payment is made on
 * the first try to pay and reused by later tries, so a decline then a success is one payment.
 */
export const checkoutSessions = pgTable(
  "checkout_sessions",
  {
    id: primaryId(),
    ...tenant,
    status: text().$type<CheckoutSessionStatus>().notNull().default("open"),
    amount: bigint({ mode: "bigint" }).notNull(),
    currency: text().notNull(),
    description: text(),
    customerEmail: text(),
    /** null for sessions from a payment link without one: Kassa's own receipt page is shown. */
    successUrl: text(),
    cancelUrl: text(),
    paymentMethodTypes: jsonb().$type<CheckoutPaymentMethodType[]>().notNull(),
    captureMethod: text().$type<CaptureMethod>().notNull(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Origins (scheme://host[:port]) allowed to embed this session with embed.js; empty: no embedding. */
    embedOrigins: jsonb().$type<string[]>().notNull().default([]),
    paymentId: text(),
    paymentLinkId: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    completedAt: timestamp({ withTimezone: true }),
    expiredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.paymentId),
    index("checkout_sessions_open_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'open'`),
  ],
);
export type CheckoutSessionRow = typeof checkoutSessions.$inferSelect;

/** A reusable link (`/l/:id`): every visit starts a new checkout session, so every use is its own payment. */
export const paymentLinks = pgTable(
  "payment_links",
  {
    id: primaryId(),
    ...tenant,
    active: boolean().notNull().default(true),
    /** Minor units per item; null lets the customer choose the amount. */
    amount: bigint({ mode: "bigint" }),
    currency: text().notNull(),
    description: text().notNull(),
    quantity: integer().notNull().default(1),
    successUrl: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id)],
);
export type PaymentLinkRow = typeof paymentLinks.$inferSelect;
