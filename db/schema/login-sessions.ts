import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { primaryId } from "./columns";
import { users } from "./users";

/**
 * One row per sign-in (a browser's session cookie names it). Checked on every request, so signing
 * out — here, everywhere, or from the session list — ends a copied cookie at once.
 */
export const loginSessions = pgTable(
  "login_sessions",
  {
    id: primaryId(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId, t.createdAt)],
);

export type LoginSessionRow = typeof loginSessions.$inferSelect;
