import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, index } from "drizzle-orm/pg-core";
import { createdAt, primaryId, tenant } from "./columns";

/**
 * Brandur-style idempotency keys: the first response is stored and replayed; `recoveryPoint`
 * lets a multi-phase verb resume where a crashed attempt stopped.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: primaryId(),
    ...tenant,
    key: text().notNull(),
    requestMethod: text().notNull(),
    requestPath: text().notNull(),
    requestHash: text().notNull(),
    lockedAt: timestamp({ withTimezone: true }),
    /** The server instance whose request holds the lock (server_instances.id); a dead holder's lock is taken over at once. */
    lockedBy: text(),
    /** Bumped on every take of the lock: a phase's write is fenced on it, so a request whose lock was taken over cannot write. */
    lockVersion: integer().notNull().default(0),
    recoveryPoint: text().notNull().default("started"),
    recoveryData: jsonb(),
    responseStatus: integer(),
    /** The answer's JSON exactly as it was sent, so a replay is the same bytes (jsonb would reorder keys). */
    responseBody: text(),
    lastRunAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...createdAt,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode, t.key), index().on(t.createdAt)],
);

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
