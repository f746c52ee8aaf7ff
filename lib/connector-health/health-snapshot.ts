import { and, desc, eq, gte } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { connectorBreakerEvents, connectorHealthMinutes, type BreakerReason } from "@/db/schema/connector-health";
import { readAllBreakers } from "./breaker-statements";
import { addCounts, emptyCounts, statsOf, windowStart, type HealthStats } from "./health-window";
import { connectorHealthSettings, type ConnectorHealthSettings } from "./settings";
import type { BreakerSnapshot, BreakerState } from "./types";

export interface ConnectorHealthEntry {
  connector: string;
  livemode: boolean;
  breaker: {
    state: BreakerState;
    consecutiveFailures: number;
    openedAt: Date | null;
    probeClaimedAt: Date | null;
    /** Open: when the probe is due; half-open: when an unanswered probe may be handed out again. */
    retryAt: Date | null;
  };
  /** The fleet's health over the window: every instance's minutes summed. */
  health: HealthStats;
}

export interface BreakerHistoryEntry {
  id: string;
  connector: string;
  livemode: boolean;
  from: BreakerState;
  to: BreakerState;
  reason: BreakerReason;
  consecutiveFailures: number;
  windowTotal: number;
  windowFailures: number;
  instanceId: string | null;
  at: Date;
}

export interface ConnectorHealthSnapshot {
  livemode: boolean;
  at: Date;
  windowMs: number;
  connectors: ConnectorHealthEntry[];
  /** The latest transitions, newest first. */
  history: BreakerHistoryEntry[];
}

export interface HealthSnapshotOptions {
  livemode: boolean;
  /** Connectors to show even with no traffic and no breaker row yet (e.g. every configured one). */
  connectors?: readonly string[];
  historyLimit?: number;
  now?: number;
  settings?: Partial<ConnectorHealthSettings>;
}

function breakerOf(row: BreakerSnapshot | undefined, s: ConnectorHealthSettings): ConnectorHealthEntry["breaker"] {
  if (!row) return { state: "closed", consecutiveFailures: 0, openedAt: null, probeClaimedAt: null, retryAt: null };
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  const retryAt = row.state === "open" ? (row.openedAt ?? 0) + s.openMs : row.state === "half_open" ? (row.probeClaimedAt ?? 0) + s.probeTimeoutMs : null;
  return {
    state: row.state,
    consecutiveFailures: row.consecutiveFailures,
    openedAt: date(row.openedAt),
    probeClaimedAt: date(row.probeClaimedAt),
    retryAt: date(retryAt),
  };
}

/**
 * What the Connectors page shows for one mode: each connector's breaker (from the shared rows, so what
 * every instance acts on), its fleet-wide success rate and latency percentiles over the window (every
 * instance's per-minute buckets summed, histograms included, so p95 is over all calls), and the latest
 * breaker transitions. Three reads; the current minute is as fresh as the instances' last flush.
 */
export async function healthSnapshot(db: Executor, options: HealthSnapshotOptions): Promise<ConnectorHealthSnapshot> {
  const s = connectorHealthSettings(options.settings);
  const now = options.now ?? Date.now();
  const { livemode } = options;
  const [breakers, minutes, events] = await Promise.all([
    readAllBreakers(db),
    db
      .select()
      .from(connectorHealthMinutes)
      .where(and(eq(connectorHealthMinutes.livemode, livemode), gte(connectorHealthMinutes.minute, new Date(windowStart(now, s.windowMs))))),
    db
      .select()
      .from(connectorBreakerEvents)
      .where(eq(connectorBreakerEvents.livemode, livemode))
      .orderBy(desc(connectorBreakerEvents.at), desc(connectorBreakerEvents.id))
      .limit(options.historyLimit ?? 50),
  ]);

  const byConnector = new Map<string, BreakerSnapshot>();
  for (const row of breakers) if (row.livemode === livemode) byConnector.set(row.connector, row);
  const counts = new Map<string, ReturnType<typeof emptyCounts>>();
  for (const m of minutes) {
    let c = counts.get(m.connector);
    if (!c) counts.set(m.connector, (c = emptyCounts()));
    addCounts(c, m);
  }
  const names = [...new Set([...(options.connectors ?? []), ...byConnector.keys(), ...counts.keys()])].sort();
  return {
    livemode,
    at: new Date(now),
    windowMs: s.windowMs,
    connectors: names.map((connector) => ({
      connector,
      livemode,
      breaker: breakerOf(byConnector.get(connector), s),
      health: statsOf(counts.get(connector) ?? emptyCounts()),
    })),
    history: events.map((e) => ({
      id: e.id,
      connector: e.connector,
      livemode: e.livemode,
      from: e.fromState,
      to: e.toState,
      reason: e.reason,
      consecutiveFailures: e.consecutiveFailures,
      windowTotal: e.windowTotal,
      windowFailures: e.windowFailures,
      instanceId: e.instanceId,
      at: e.at,
    })),
  };
}
