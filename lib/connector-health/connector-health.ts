import type { Executor, Listen } from "@/db/client";
import { logger } from "@/lib/logger";
import { sharedCounter } from "@/lib/metrics";
import { currentInstanceId } from "@/lib/server-instance";
import { claimProbe, countFailure, readBreaker, resetFailures, settleProbe, type TransitionContext } from "./breaker-statements";
import { BreakerView } from "./breaker-view";
import { deleteOldHealthMinutes, writeHealthMinutes } from "./health-minutes";
import { HealthWindow, type HealthStats } from "./health-window";
import { connectorHealthSettings, type ConnectorHealthSettings } from "./settings";
import { closedSnapshot, isFailure, keyString, type Admission, type BreakerSnapshot, type CallOutcome, type ConnectorKey } from "./types";

export interface ConnectorHealthOptions extends Partial<ConnectorHealthSettings> {
  /** The clock (epoch ms); tests move it instead of sleeping through an open period. */
  now?: () => number;
  /** Names this instance in health rows and history (default: the process's server instance id). */
  instanceId?: string;
  /** Where the KASSA_BREAKER_* / KASSA_HEALTH_* settings are read (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

type Decision = { kind: "answer"; admission: Admission } | { kind: "claim"; from: "open" | "half_open" };

const ADMITTED: Admission = Object.freeze({ admitted: true, probe: false, state: "closed" });
const PROBE: Admission = Object.freeze({ admitted: true, probe: true, state: "half_open" });
const PRUNE_EVERY_MS = 60 * 60_000;

const transitions = () =>
  sharedCounter("kassa_connector_breaker_transitions_total", "Circuit breaker transitions made by this instance, by connector, mode and new state", [
    "connector",
    "mode",
    "to",
  ]);

/** Closed: admit. Open: refuse until the open period is over, then claim the probe. Half-open: refuse while the probe is out. */
function decide(row: BreakerSnapshot, now: number, s: ConnectorHealthSettings): Decision {
  if (row.state === "closed") return { kind: "answer", admission: ADMITTED };
  const due = row.state === "open" ? (row.openedAt ?? 0) + s.openMs : (row.probeClaimedAt ?? 0) + s.probeTimeoutMs;
  if (now >= due) return { kind: "claim", from: row.state };
  return { kind: "answer", admission: { admitted: false, state: row.state, retryAt: new Date(due) } };
}

/**
 * Circuit breakers and sliding-window health of processor connectors, one object per process
 * (process-connector-health.ts). The breaker lives in Postgres (connector_breakers) so every instance
 * shares it; this object holds a copy kept current by LISTEN/NOTIFY (breaker-view.ts), so the payment
 * path's `admit` on a closed breaker and `record` of a success with no failures counted send nothing to
 * the database. Transitions are single conditional statements (breaker-statements.ts): one of many
 * instances wins each, and the trigger tells all of them at commit.
 *
 * Call both outside any transaction (between phase A and phase B): on PGlite's one connection a
 * statement from inside a transaction's callback would wait for that transaction.
 */
export class ConnectorHealth {
  readonly settings: ConnectorHealthSettings;
  private readonly db: Executor;
  private readonly view: BreakerView;
  private readonly window: HealthWindow;
  private readonly now: () => number;
  private readonly instanceId: string;
  private readonly claiming = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private lastPrune = 0;
  private stopped = false;

  constructor(handle: { db: Executor; listen?: Listen }, options: ConnectorHealthOptions = {}) {
    const { now, instanceId, env, ...overrides } = options;
    this.settings = connectorHealthSettings(overrides, env);
    this.db = handle.db;
    this.now = now ?? Date.now;
    this.instanceId = instanceId ?? currentInstanceId();
    this.view = new BreakerView(handle.db, handle.listen, { fallbackTtlMs: this.settings.fallbackTtlMs });
    this.window = new HealthWindow(this.settings.windowMs);
  }

  /** Listens for breaker changes and loads the breakers; resolves once `admit` can answer from memory. */
  start(): Promise<void> {
    return this.view.start();
  }

  /** Whether the in-memory view is kept by LISTEN (false on Neon, and while a lost listener reconnects). */
  get listening(): boolean {
    return this.view.listening;
  }

  /**
   * May this connector take a new request now? Closed: yes, from memory. Open past its open period:
   * exactly one caller across all instances gets `{ admitted: true, probe: true }` (an atomic claim);
   * the rest are refused until the probe's outcome is recorded (or it times out).
   */
  async admit(key: ConnectorKey): Promise<Admission> {
    const now = this.now();
    const row = this.view.get(key, now) ?? (await this.read(key, now));
    const decision = decide(row, now, this.settings);
    if (decision.kind === "answer") return decision.admission;
    const k = keyString(key);
    // This instance already asked for the probe: one round trip per instance, not one per caller.
    if (this.claiming.has(k)) return { admitted: false, state: "half_open", retryAt: new Date(now + this.settings.probeTimeoutMs) };
    this.claiming.add(k);
    try {
      const token = this.view.token();
      const claimed = await claimProbe(this.db, key, decision.from, this.settings, this.transition(key, now));
      if (claimed) {
        this.view.accept(key, claimed, token, now);
        this.onTransition(key, decision.from, claimed);
        return PROBE;
      }
      // Another instance claimed it first, or the breaker moved: answer from the row as it is, without claiming again.
      const fresh = await this.read(key, now);
      const again = decide(fresh, now, this.settings);
      if (again.kind === "answer") return again.admission;
      return { admitted: false, state: fresh.state === "open" ? "open" : "half_open", retryAt: new Date(now) };
    } finally {
      this.claiming.delete(k);
    }
  }

  /** The first candidate (in routing order) whose breaker admits a request now, or null when every one refuses. */
  async admitFirst(candidates: readonly ConnectorKey[]): Promise<{ key: ConnectorKey; admission: Admission & { admitted: true } } | null> {
    for (const key of candidates) {
      const admission = await this.admit(key);
      if (admission.admitted) return { key, admission };
    }
    return null;
  }

  /**
   * Records a processor call's outcome: into this instance's health window (memory; written to
   * connector_health_minutes by a timer), and into the shared breaker. Failures (transient, unknown
   * outcome) count; the threshold opens the breaker; a half-open breaker closes on a success and opens
   * again on a failure. A success writes only when failures were counted. Never rejects: the breaker's
   * bookkeeping must not fail a payment whose processor call already happened.
   */
  async record(key: ConnectorKey, outcome: CallOutcome, latencyMs: number): Promise<void> {
    const now = this.now();
    this.window.add(key, outcome, latencyMs, now);
    this.scheduleFlush();
    try {
      await this.recordBreaker(key, isFailure(outcome), now);
    } catch (error) {
      logger.warn({ err: error, connector: key.connector, livemode: key.livemode, outcome }, "connector breaker: outcome not recorded");
    }
  }

  private async recordBreaker(key: ConnectorKey, failure: boolean, now: number): Promise<void> {
    let row = this.view.get(key, now);
    // Twice at most: when the breaker moved since this instance last saw it, read it and decide again.
    for (let attempt = 0; attempt < 2; attempt++) {
      row ??= await this.read(key, now);
      const token = this.view.token();
      let written: BreakerSnapshot | null;
      if (row.state === "half_open") {
        written = await settleProbe(this.db, key, failure ? "open" : "closed", this.transition(key, now));
      } else if (row.state === "open") {
        // A late answer to a call admitted before it opened: the probe decides, not this.
        return;
      } else if (failure) {
        written = await countFailure(this.db, key, this.settings.threshold, this.transition(key, now));
      } else if (row.consecutiveFailures > 0) {
        written = await resetFailures(this.db, key, now);
      } else {
        return;
      }
      if (written) {
        this.view.accept(key, written, token, now);
        if (written.state !== row.state) this.onTransition(key, row.state, written);
        return;
      }
      row = undefined;
    }
  }

  private async read(key: ConnectorKey, now: number): Promise<BreakerSnapshot> {
    const token = this.view.token();
    const row = await readBreaker(this.db, key);
    this.view.accept(key, row, token, now);
    return row ?? closedSnapshot(key);
  }

  private transition(key: ConnectorKey, now: number): TransitionContext {
    return { now, instanceId: this.instanceId, window: this.window.failureCounts(key, now) };
  }

  private onTransition(key: ConnectorKey, from: string, row: BreakerSnapshot): void {
    transitions().inc({ connector: key.connector, mode: key.livemode ? "live" : "test", to: row.state });
    const fields = { connector: key.connector, livemode: key.livemode, from, to: row.state, consecutive_failures: row.consecutiveFailures };
    if (row.state === "open") logger.warn(fields, "connector breaker opened: traffic goes to the next eligible connector");
    else logger.info(fields, `connector breaker ${row.state === "closed" ? "closed" : "half-open: one probe let through"}`);
  }

  /** The breaker as this instance sees it now (undefined: it would have to ask the database). */
  /**
   * Whether the connector would be refused now, from memory only (no statement, no probe claimed): open or
   * half-open and not yet due for a probe. Routing puts such a connector last; unknown (no copy) is false.
   */
  refusing(key: ConnectorKey): boolean {
    const now = this.now();
    const row = this.view.get(key, now);
    if (!row) return false;
    const decision = decide(row, now, this.settings);
    return decision.kind === "answer" && !decision.admission.admitted;
  }

  breaker(key: ConnectorKey): BreakerSnapshot | undefined {
    return this.view.get(key, this.now());
  }

  /** This instance's sliding-window health of one connector (memory only; the fleet's is healthSnapshot). */
  health(key: ConnectorKey): HealthStats {
    return this.window.stats(key, this.now());
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.stopped) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, this.settings.flushMs);
    this.flushTimer.unref?.();
  }

  /** Writes the changed health minutes now (the timer calls it; tests and shutdown too). Never rejects. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.writeMinutes().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async writeMinutes(): Promise<void> {
    const dirty = this.window.takeDirty();
    try {
      await writeHealthMinutes(this.db, dirty, this.instanceId);
    } catch (error) {
      this.window.putBack(dirty);
      logger.warn({ err: error, minutes: dirty.length }, "connector health: minutes not written; retrying");
      this.scheduleFlush();
    }
    const now = this.now();
    this.window.prune(now);
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await deleteOldHealthMinutes(this.db, new Date(now - this.settings.retentionMs)).catch((error: unknown) =>
      logger.warn({ err: error }, "connector health: old minutes not pruned"),
    );
  }

  /** Stops listening and writes what is left. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.flush();
    await this.view.stop();
  }
}
