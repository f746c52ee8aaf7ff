import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tenant } from "./columns";

/**
 * A customer billing portal session (Stripe's `billing_portal.session`, `bps_…`): a short-lived link on
 * which one customer sees their subscriptions, invoices and card, changes the card and (if the merchant
 * allows) cancels at period end. The link's token is the only credential: 256 random bits, of which
 * only the SHA-256 is kept here, so a copy of this table opens no portal.
 */
export const billingPortalSessions = pgTable(
  "billing_portal_sessions",
  {
    id: primaryId(),
    ...tenant,
    customer: text().notNull(),
    /** SHA-256 of the URL's token, hex. The token itself is never stored. */
    tokenHash: text().notNull(),
    returnUrl: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ...createdAt,
  },
  (t) => [uniqueIndex("billing_portal_sessions_token_hash_idx").on(t.tokenHash), index().on(t.merchantId, t.livemode, t.customer, t.id)],
);
export type BillingPortalSessionRow = typeof billingPortalSessions.$inferSelect;
