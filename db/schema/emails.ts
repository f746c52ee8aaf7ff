import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { primaryId } from "./columns";

/**
 * `test`: a customer email of test mode, kept here and never sent (as Stripe's test mode shows what a
 * customer would get without mailing them).
 */
export const EMAIL_STATUSES = ["queued", "sent", "failed", "test"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * The email outbox (lib/email): written in the transaction of the change that sends it, delivered
 * through SMTP_URL after commit. Without SMTP_URL the rows stay queued and their recipients read them
 * on the dashboard's Emails page (and a developer in the dev server's console).
 *
 * Two kinds of mail share it. Kassa's own mail to its users (sign-up, password reset) has no merchant.
 * A merchant's mail to its customers (receipts, later invoices and dunning) carries the merchant, the
 * mode and the object it is about; it is made at most once per kind and object, and is listed only on
 * that merchant's Customer emails page, never on a user's own Emails page.
 */
export const emails = pgTable(
  "emails",
  {
    id: primaryId(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    kind: text().notNull(),
    /** HTML alternative, for customer emails rendered from React components (lib/email/templates). */
    html: text(),
    merchantId: text(),
    livemode: boolean(),
    /** The payment, invoice… a customer email is about. */
    objectId: text(),
    status: text({ enum: EMAIL_STATUSES }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.to, t.createdAt),
    index("emails_queued_idx").on(t.createdAt),
    index("emails_merchant_idx").on(t.merchantId, t.livemode, t.id),
    uniqueIndex("emails_once_per_object")
      .on(t.merchantId, t.kind, t.objectId)
      .where(sql`${t.objectId} is not null`),
  ],
);

export type EmailRow = typeof emails.$inferSelect;

/** One-time links: a password reset, or a sign-up waiting for its owner to confirm the email. */
export const passwordResets = pgTable("password_resets", {
  id: primaryId(),
  userId: text().notNull(),
  tokenHash: text().notNull().unique(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const signupRequests = pgTable("signup_requests", {
  id: primaryId(),
  email: text().notNull(),
  name: text().notNull(),
  businessName: text().notNull(),
  passwordHash: text().notNull(),
  tokenHash: text().notNull().unique(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
