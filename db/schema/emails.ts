import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { primaryId } from "./columns";

export const EMAIL_STATUSES = ["queued", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * The email outbox (lib/email): written in the transaction of the change that sends it, delivered
 * through SMTP_URL after commit. Without SMTP_URL the rows stay queued and their recipients read them
 * on the dashboard's Emails page (and a developer in the dev server's console).
 */
export const emails = pgTable(
  "emails",
  {
    id: primaryId(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    kind: text().notNull(),
    status: text({ enum: EMAIL_STATUSES }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.to, t.createdAt), index("emails_queued_idx").on(t.createdAt)],
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
