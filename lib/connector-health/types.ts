import type { BreakerState } from "@/db/schema/connector-health";

export type { BreakerState };

/** One breaker and one health window per connector and mode: test and live traffic never share one. */
export interface ConnectorKey {
  connector: string;
  livemode: boolean;
}

/**
 * What a processor call came to. Transient failures and unknown outcomes (timeouts, 5xx, lost answers)
 * count toward the breaker; a decline is the processor working, so it counts as a success.
 */
export const CALL_OUTCOMES = ["success", "declined", "transient_failure", "unknown_outcome"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const isFailure = (outcome: CallOutcome): boolean => outcome === "transient_failure" || outcome === "unknown_outcome";

/** The shared breaker row as an instance holds it (times in epoch ms). */
export interface BreakerSnapshot {
  connector: string;
  livemode: boolean;
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: number | null;
  probeClaimedAt: number | null;
  /** Bumped by every write; 0 for "no row yet". The view keeps the highest it has seen. */
  version: number;
}

/** May the connector take a new request now? `probe`: this request is the one trial call of a half-open breaker. */
export type Admission = { admitted: true; probe: boolean; state: BreakerState } | { admitted: false; state: "open" | "half_open"; retryAt: Date };

export const keyString = (key: ConnectorKey): string => `${key.livemode ? "live" : "test"}:${key.connector}`;

/** The state of a connector with no breaker row: closed, nothing counted. */
export function closedSnapshot(key: ConnectorKey): BreakerSnapshot {
  return { connector: key.connector, livemode: key.livemode, state: "closed", consecutiveFailures: 0, openedAt: null, probeClaimedAt: null, version: 0 };
}
