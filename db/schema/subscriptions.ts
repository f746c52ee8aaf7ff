import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { primaryId, tenant, timestamps } from "./columns";
import type { PriceInterval } from "./products";

/** Stripe Billing's subscription statuses. */
export const SUBSCRIPTION_STATUSES = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "unpaid", "canceled", "paused"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Why a subscription waits on its first payment, or why its latest try failed (shown on the API object). */
export interface StatusReason {
  code: string;
  message: string;
  decline_code?: string | null;
}

/**
 * A customer's recurring purchase of one or more prices (Stripe's Subscription). Kassa bills it itself:
 * one durable workflow run per period (inngest/functions/subscription-period.ts) invoices it at the period's
 * end and charges the saved card off-session. Every item shares the currency and the interval, copied here.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: primaryId(),
    ...tenant,
    customer: text().notNull(),
    status: text().$type<SubscriptionStatus>().notNull(),
    currency: text().notNull(),
    interval: text().$type<PriceInterval>().notNull(),
    intervalCount: integer().notNull(),
    /** Stripe's default_payment_method; the customer's default is used when it is null. */
    defaultPaymentMethod: text(),
    billingCycleAnchor: timestamp({ withTimezone: true }).notNull(),
    currentPeriodStart: timestamp({ withTimezone: true }).notNull(),
    currentPeriodEnd: timestamp({ withTimezone: true }).notNull(),
    trialStart: timestamp({ withTimezone: true }),
    trialEnd: timestamp({ withTimezone: true }),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    canceledAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    pausedAt: timestamp({ withTimezone: true }),
    cancellationReason: text(),
    /** Set while incomplete or past due: what the first payment (or the latest try) is waiting for. */
    statusReason: jsonb().$type<StatusReason>(),
    latestInvoice: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.customer, t.id),
    index().on(t.merchantId, t.livemode, t.status, t.id),
  ],
);
export type SubscriptionRow = typeof subscriptions.$inferSelect;

/** One price on a subscription, with its quantity (Stripe's SubscriptionItem `si_…`). Removed items are deleted. */
export const subscriptionItems = pgTable(
  "subscription_items",
  {
    id: primaryId(),
    ...tenant,
    subscription: text().notNull(),
    price: text().notNull(),
    quantity: integer().notNull(),
    ...timestamps,
  },
  (t) => [index().on(t.subscription, t.id), index().on(t.merchantId, t.livemode, t.price)],
);
export type SubscriptionItemRow = typeof subscriptionItems.$inferSelect;

export const INVOICE_STATUSES = ["draft", "open", "paid", "void", "uncollectible"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const BILLING_REASONS = ["subscription_create", "subscription_cycle", "subscription_update", "subscription_cancel", "manual"] as const;
export type BillingReason = (typeof BILLING_REASONS)[number];

/**
 * What a customer owes for a period (Stripe's Invoice `in_…`): `draft → open → paid | void | uncollectible`.
 * Totals in minor units, fixed when it is finalised (when it also gets its number). Each try to collect it
 * is a payment of its own (`payment` is the latest), made before it is charged so a crash mid-way resumes that
 * very payment and never charges twice.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: primaryId(),
    ...tenant,
    customer: text().notNull(),
    subscription: text(),
    status: text().$type<InvoiceStatus>().notNull(),
    /** KASSA-0001, per merchant and mode; assigned at finalisation. */
    number: text(),
    currency: text().notNull(),
    billingReason: text().$type<BillingReason>().notNull(),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    subtotal: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    total: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    startingBalance: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    endingBalance: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    amountDue: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    amountPaid: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    /** How many times Kassa tried to charge it (each try a payment). */
    attemptCount: integer().notNull().default(0),
    nextPaymentAttempt: timestamp({ withTimezone: true }),
    payment: text(),
    lastPaymentError: jsonb().$type<StatusReason>(),
    /**
     * The hosted invoice page's unguessable token (256 random bits): the page's URL carries it, never the
     * bare id, so knowing an invoice id shows nothing. Served back in hosted_invoice_url as Stripe does.
     */
    hostedToken: text().notNull(),
    customerEmail: text(),
    customerName: text(),
    description: text(),
    /** One renewal invoice per subscription period: `${subscription}:${periodStart ms}`. */
    renewalKey: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    finalizedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    voidedAt: timestamp({ withTimezone: true }),
    markedUncollectibleAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.merchantId, t.livemode, t.id),
    index().on(t.merchantId, t.livemode, t.subscription, t.id),
    index().on(t.merchantId, t.livemode, t.customer, t.id),
    index().on(t.merchantId, t.livemode, t.status, t.id),
    uniqueIndex("invoices_renewal_key_idx").on(t.renewalKey),
    uniqueIndex("invoices_hosted_token_idx").on(t.hostedToken),
    uniqueIndex("invoices_number_idx")
      .on(t.merchantId, t.livemode, t.number)
      .where(sql`${t.number} is not null`),
  ],
);
export type InvoiceRow = typeof invoices.$inferSelect;

/**
 * A line of an invoice: an item's period, or a proration with its own period. A line with no invoice yet
 * is pending (Stripe's pending invoice item): the next invoice of its subscription takes it.
 */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: primaryId(),
    ...tenant,
    invoice: text(),
    subscription: text(),
    subscriptionItem: text(),
    price: text(),
    description: text().notNull(),
    quantity: integer().notNull(),
    currency: text().notNull(),
    /** Minor units; negative for a credit. */
    amount: bigint({ mode: "bigint" }).notNull(),
    proration: boolean().notNull().default(false),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [
    index().on(t.invoice, t.id),
    index("invoice_lines_pending_idx")
      .on(t.subscription, t.id)
      .where(sql`${t.invoice} is null`),
  ],
);
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

/** The next invoice number per merchant and mode (KASSA-0001, KASSA-0002…), taken under a row lock at finalisation. */
export const invoiceSequences = pgTable(
  "invoice_sequences",
  {
    merchantId: text().notNull(),
    livemode: boolean().notNull(),
    next: integer().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode] })],
);

export const DUNNING_TERMINAL_ACTIONS = ["unpaid", "canceled"] as const;
export type DunningTerminalAction = (typeof DUNNING_TERMINAL_ACTIONS)[number];

/**
 * A merchant's billing settings (Stripe's subscription and email settings). Without a row the defaults
 * in lib/billing/settings.ts apply.
 */
export const billingSettings = pgTable("billing_settings", {
  merchantId: text().primaryKey(),
  /** Days after the first failed try at which to try again; at most 7 retries (8 tries) within 30 days. */
  retryDays: jsonb().$type<number[]>().notNull(),
  /** What a subscription becomes when the last retry fails. */
  terminalAction: text().$type<DunningTerminalAction>().notNull(),
  /** Whether customers may cancel (at period end) from the billing portal. */
  portalCancel: boolean().notNull().default(true),
  ...timestamps,
});
export type BillingSettingsRow = typeof billingSettings.$inferSelect;
