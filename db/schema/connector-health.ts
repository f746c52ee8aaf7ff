import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, primaryId, timestamps } from "./columns";

/** A connector's circuit breaker: closed (traffic flows), open (refused), half_open (one probe out). */
export const BREAKER_STATES = ["closed", "open", "half_open"] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

/** Why a breaker moved (connector_breaker_events.reason). */
export const BREAKER_REASONS = ["failure_threshold", "probe", "probe_timed_out", "probe_succeeded", "probe_failed"] as const;
export type BreakerReason = (typeof BREAKER_REASONS)[number];

/**
 * One circuit breaker per processor connector and mode, shared by every app instance (lib/connector-health).
 * Not merchant-owned: a processor's health is the platform's. A row exists from its first failure; no row
 * means closed with no failures. Rows are never deleted (a reset is an update), and every change bumps
 * `version` and notifies channel kassa_connector_breakers at commit (db/migrations, the custom migration),
 * so each instance's in-memory view keeps the newest version it has seen.
 */
export const connectorBreakers = pgTable(
  "connector_breakers",
  {
    connector: text().notNull(),
    livemode: boolean().notNull(),
    state: text().$type<BreakerState>().notNull().default("closed"),
    /** Transient failures and unknown outcomes in a row, fleet-wide; a success resets it. */
    consecutiveFailures: integer().notNull().default(0),
    /** When it last opened: the probe is due `openMs` later. */
    openedAt: timestamp({ withTimezone: true }),
    /** When the one probe was handed out (half_open); a claim older than the probe timeout may be re-claimed. */
    probeClaimedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.connector, t.livemode] }), check("connector_breakers_state_check", sql`${t.state} in ('closed', 'open', 'half_open')`)],
);
export type ConnectorBreakerRow = typeof connectorBreakers.$inferSelect;

/** The history of breaker transitions, for the Connectors page. Written in the statement that moves the breaker. */
export const connectorBreakerEvents = pgTable(
  "connector_breaker_events",
  {
    id: primaryId(),
    connector: text().notNull(),
    livemode: boolean().notNull(),
    fromState: text().$type<BreakerState>().notNull(),
    toState: text().$type<BreakerState>().notNull(),
    reason: text().$type<BreakerReason>().notNull(),
    /** The shared consecutive-failure count the transition saw. */
    consecutiveFailures: integer().notNull(),
    /** What the instance that moved it saw in its own sliding window: outcomes, and failing ones among them. */
    windowTotal: integer().notNull().default(0),
    windowFailures: integer().notNull().default(0),
    /** The instance (server_instances.id) that made the transition. */
    instanceId: text(),
    at: timestamp({ withTimezone: true }).notNull(),
    ...createdAt,
  },
  (t) => [index().on(t.livemode, t.at), index().on(t.connector, t.livemode, t.at)],
);
export type ConnectorBreakerEventRow = typeof connectorBreakerEvents.$inferSelect;

/**
 * Per-minute health of a connector and mode as one app instance saw it: outcome counts and a latency
 * histogram (bounds in lib/connector-health/latency-histogram.ts). Each instance writes its own row per
 * minute with its running totals (an idempotent overwrite, so a retried flush never double-counts); the
 * fleet's success rate and percentiles come from summing counts and histograms over instances and minutes.
 * Kept a day (the flusher prunes).
 */
export const connectorHealthMinutes = pgTable(
  "connector_health_minutes",
  {
    connector: text().notNull(),
    livemode: boolean().notNull(),
    minute: timestamp({ withTimezone: true }).notNull(),
    instanceId: text().notNull(),
    successes: integer().notNull().default(0),
    declines: integer().notNull().default(0),
    transientFailures: integer().notNull().default(0),
    unknownOutcomes: integer().notNull().default(0),
    latencySumMs: bigint({ mode: "number" }).notNull().default(0),
    latencyMaxMs: integer().notNull().default(0),
    /** Counts per latency bucket: slot i holds latencies ≤ bound i (and above bound i−1); the last slot, above every bound. */
    latencyHistogram: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.connector, t.livemode, t.minute, t.instanceId] }), index().on(t.livemode, t.minute), index().on(t.minute)],
);
export type ConnectorHealthMinuteRow = typeof connectorHealthMinutes.$inferSelect;
export type NewConnectorHealthMinute = typeof connectorHealthMinutes.$inferInsert;
