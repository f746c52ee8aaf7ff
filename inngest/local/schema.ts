import { bigint, boolean, index, integer, jsonb, pgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The local executor's own state, in its own Postgres schema with its own migrations
 * (inngest/local/migrations, applied by `migrateExecutor` when the executor starts). The app's
 * schema (db/schema) knows nothing of it. Table names keep their `inngest_` prefix from when they
 * lived in the app's schema, so indexes and keys carry the same names as before the move.
 * Every timestamp comes from the executor's clock.
 */
export const executorSchema = pgSchema("inngest_local");

/** Every event received by the executor's event API or emitted by it (function.failed …). */
export const inngestEvents = executorSchema.table(
  "inngest_events",
  {
    id: text().primaryKey(),
    /** The sender's `id`: an idempotency key for 24 h. */
    externalId: text(),
    name: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    user: jsonb().$type<Record<string, unknown>>(),
    ts: bigint({ mode: "number" }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    /**
     * For an event with a sender id, false from the insert until its waits, cancels and runs have all been acted
     * on: the sender's resend of an event whose fan-out a crash cut short does it again instead of deduping it
     * away. (Events without a sender id cannot be resent; rows from before this column: the default.)
     */
    fannedOut: boolean().notNull().default(true),
  },
  (t) => [index().on(t.externalId, t.receivedAt), index().on(t.name)],
);

/** Function configs as the SDK registered them (`POST /fn/register`). */
export const inngestFunctions = executorSchema.table("inngest_functions", {
  id: text().primaryKey(),
  appId: text().notNull(),
  name: text(),
  /** The URL the SDK gave for its one step ("…?fnId=<id>&stepId=step"). */
  url: text().notNull(),
  config: jsonb().$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

export const inngestRunStatuses = ["running", "completed", "failed", "cancelled"] as const;
export type InngestRunStatus = (typeof inngestRunStatuses)[number];

export const inngestRuns = executorSchema.table(
  "inngest_runs",
  {
    id: text().primaryKey(),
    functionId: text().notNull(),
    eventIds: jsonb().$type<string[]>().notNull(),
    status: text().$type<InngestRunStatus>().notNull(),
    maxAttempts: integer().notNull(),
    /** Set once a response carried more than one op: the SDK may no longer run a step unasked. */
    disableImmediateExecution: boolean().notNull().default(false),
    /** Hashed ids of ops handed out but not yet resolved; discovery waits until it is empty. */
    pending: jsonb().$type<string[]>().notNull().default([]),
    idempotencyKey: text(),
    output: jsonb(),
    error: jsonb().$type<{ name?: string; message: string; stack?: string }>(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.functionId, t.status), index().on(t.functionId, t.idempotencyKey)],
);

/** Memoised step results; `position` is the completion stack order. */
export const inngestSteps = executorSchema.table(
  "inngest_steps",
  {
    runId: text().notNull(),
    stepId: text().notNull(),
    position: integer().notNull(),
    op: text().notNull(),
    name: text(),
    /** Exactly what is sent back: `{ data }`, `{ error }`, `null` or an event. */
    result: jsonb(),
    attempts: integer().notNull().default(1),
    completedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);

export const inngestQueueKinds = ["call", "sleep", "wait-timeout", "cron"] as const;
export type InngestQueueKind = (typeof inngestQueueKinds)[number];

/** Durable work and timers: calls to the app, sleeps, retries after backoff, wait timeouts. */
export const inngestQueue = executorSchema.table(
  "inngest_queue",
  {
    id: text().primaryKey(),
    /** The run; for "cron" items the function id. */
    runId: text().notNull(),
    kind: text().$type<InngestQueueKind>().notNull(),
    /** "step" for discovery, else the hashed step id; for "cron" items the schedule. */
    stepId: text().notNull(),
    attempt: integer().notNull().default(0),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    leasedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.dueAt), index().on(t.runId)],
);

/** Runs parked in `step.waitForEvent`. */
export const inngestWaits = executorSchema.table(
  "inngest_waits",
  {
    runId: text().notNull(),
    stepId: text().notNull(),
    eventName: text().notNull(),
    expression: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] }), index().on(t.eventName)],
);

export type InngestRunRow = typeof inngestRuns.$inferSelect;
export type InngestEventRow = typeof inngestEvents.$inferSelect;
export type InngestFunctionRow = typeof inngestFunctions.$inferSelect;
export type InngestQueueRow = typeof inngestQueue.$inferSelect;
