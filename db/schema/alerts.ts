import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { primaryId, tenant, timestamps } from "./columns";

/** What an alert watches over the trailing window of payment attempts. */
export const ALERT_KINDS = ["payment_failure_rate", "processor_timeout_rate"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * A merchant's alert on one mode: open while `resolvedAt` is null. At most one open alert per merchant,
 * mode and kind (the partial unique index), so raising twice is a no-op. Rates are in basis points
 * (1,000 = 10%) of the window's counted attempts.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: primaryId(),
    ...tenant,
    kind: text().$type<AlertKind>().notNull(),
    /** The rate that opened it, and the threshold it exceeded (basis points). */
    valueBp: integer().notNull(),
    thresholdBp: integer().notNull(),
    /** The window's counted attempts and the failed (or timed-out) ones among them when it opened. */
    attempts: integer().notNull(),
    matching: integer().notNull(),
    windowMinutes: integer().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    /** The rate when it cleared (basis points). */
    resolvedValueBp: integer(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("alerts_one_open_idx")
      .on(t.merchantId, t.livemode, t.kind)
      .where(sql`${t.resolvedAt} is null`),
    index().on(t.merchantId, t.livemode, t.openedAt),
  ],
);
export type AlertRow = typeof alerts.$inferSelect;

/** A merchant's alert thresholds per mode. Absent row: the defaults (lib/alerts/settings.ts). */
export const alertSettings = pgTable(
  "alert_settings",
  {
    ...tenant,
    /** Basis points: 1,000 = 10%. */
    failureRateBp: integer().notNull().default(1000),
    timeoutRateBp: integer().notNull().default(500),
    /** Fewer counted attempts than this in the window: no alert opens (1 failure of 2 pages nobody). */
    minAttempts: integer().notNull().default(20),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.livemode] })],
);
export type AlertSettingsRow = typeof alertSettings.$inferSelect;
