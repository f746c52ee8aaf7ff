import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per running server process, kept alive by a heartbeat (lib/server-instance.ts). A lock held
 * by an instance whose heartbeat stopped — the process was killed — is free at once, not after a timeout.
 */
export const serverInstances = pgTable("server_instances", {
  id: text().primaryKey(),
  startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Written with the database's clock, and compared with it, so instances' clocks never matter. */
  heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ServerInstanceRow = typeof serverInstances.$inferSelect;
