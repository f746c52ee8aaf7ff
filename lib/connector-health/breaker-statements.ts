import type { Executor } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import type { BreakerState } from "@/db/schema/connector-health";
import { newId } from "@/lib/ids";
import type { BreakerSnapshot, ConnectorKey } from "./types";

/**
 * The breaker's writes, each one statement (so one round trip, atomic, and safe on PGlite's single
 * connection outside any transaction). Each transition names the state it leaves in its WHERE: Postgres
 * re-checks that condition on the newest row version after waiting for a concurrent writer's lock, so of
 * two instances making the same move at once exactly one gets a row back. The history row is inserted by
 * the same statement, only when the move happened. Times are the caller's clock (injectable in tests).
 */

// Times as epoch ms (float8): every driver parses it as a number, whatever it does with timestamptz.
const COLUMNS = `connector, livemode, state, consecutive_failures AS failures,
  floor(extract(epoch from opened_at) * 1000)::float8 AS opened_ms,
  floor(extract(epoch from probe_claimed_at) * 1000)::float8 AS probe_ms, version`;

/** A breaker row as a statement returns it or the trigger notifies it (same field names). */
export interface RawBreaker {
  connector: string;
  livemode: boolean;
  state: BreakerState;
  failures: number;
  opened_ms: number | string | null;
  probe_ms: number | string | null;
  version: number;
}

const ms = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

export function parseBreaker(raw: RawBreaker): BreakerSnapshot {
  return {
    connector: raw.connector,
    livemode: raw.livemode,
    state: raw.state,
    consecutiveFailures: Number(raw.failures),
    openedAt: ms(raw.opened_ms),
    probeClaimedAt: ms(raw.probe_ms),
    version: Number(raw.version),
  };
}

/** Context a transition writes into its history row. */
export interface TransitionContext {
  now: number;
  instanceId: string;
  window: { total: number; failures: number };
}

const EVENT_COLUMNS = `id, connector, livemode, from_state, to_state, reason, consecutive_failures, window_total, window_failures, instance_id, at`;

const first = (rows: RawBreaker[]): BreakerSnapshot | null => (rows[0] ? parseBreaker(rows[0]) : null);

const readOne = preparedQuery<RawBreaker>(
  "connector_breaker_read",
  `SELECT ${COLUMNS} FROM connector_breakers WHERE connector = $1::text AND livemode = $2::boolean`,
);
const readAll = preparedQuery<RawBreaker>("connector_breaker_read_all", `SELECT ${COLUMNS} FROM connector_breakers`);

export async function readBreaker(db: Executor, key: ConnectorKey): Promise<BreakerSnapshot | null> {
  return first(await readOne(db, [key.connector, key.livemode]));
}

export async function readAllBreakers(db: Executor): Promise<BreakerSnapshot[]> {
  return (await readAll(db, [])).map(parseBreaker);
}

// closed → closed with one more failure, or closed → open when the count reaches the threshold. A row
// that is not closed is left alone (no row back): its failures no longer count.
const countFailureQuery = preparedQuery<RawBreaker>(
  "connector_breaker_count_failure",
  `WITH up AS (
    INSERT INTO connector_breakers AS b (connector, livemode, state, consecutive_failures, opened_at, version, created_at, updated_at)
    VALUES ($1::text, $2::boolean, CASE WHEN 1 >= $3::int THEN 'open' ELSE 'closed' END, 1,
            CASE WHEN 1 >= $3::int THEN $4::timestamptz END, 1, $4::timestamptz, $4::timestamptz)
    ON CONFLICT (connector, livemode) DO UPDATE SET
      consecutive_failures = b.consecutive_failures + 1,
      state = CASE WHEN b.consecutive_failures + 1 >= $3::int THEN 'open' ELSE 'closed' END,
      opened_at = CASE WHEN b.consecutive_failures + 1 >= $3::int THEN $4::timestamptz END,
      probe_claimed_at = NULL,
      version = b.version + 1,
      updated_at = $4::timestamptz
    WHERE b.state = 'closed'
    RETURNING b.*
  ), ev AS (
    INSERT INTO connector_breaker_events (${EVENT_COLUMNS})
    SELECT $5::text, connector, livemode, 'closed', 'open', 'failure_threshold', consecutive_failures, $6::int, $7::int, $8::text, $4::timestamptz
    FROM up WHERE state = 'open'
  )
  SELECT ${COLUMNS} FROM up`,
);

/** Counts a failure on a closed breaker; opens it at the threshold. Null: the breaker is not closed. */
export async function countFailure(db: Executor, key: ConnectorKey, threshold: number, t: TransitionContext): Promise<BreakerSnapshot | null> {
  return first(
    await countFailureQuery(db, [
      key.connector,
      key.livemode,
      threshold,
      new Date(t.now),
      newId("connectorBreakerEvent", t.now),
      t.window.total,
      t.window.failures,
      t.instanceId,
    ]),
  );
}

const resetFailuresQuery = preparedQuery<RawBreaker>(
  "connector_breaker_reset_failures",
  `UPDATE connector_breakers SET consecutive_failures = 0, version = version + 1, updated_at = $3::timestamptz
   WHERE connector = $1::text AND livemode = $2::boolean AND state = 'closed' AND consecutive_failures > 0
   RETURNING ${COLUMNS}`,
);

/** A success on a closed breaker with failures counted: back to zero. Null: nothing to reset. */
export async function resetFailures(db: Executor, key: ConnectorKey, now: number): Promise<BreakerSnapshot | null> {
  return first(await resetFailuresQuery(db, [key.connector, key.livemode, new Date(now)]));
}

// open (its open period over) → half_open, or half_open (its probe unanswered past the timeout) →
// half_open again: the one probe. $9 names the state the caller saw; a breaker in any other state, or
// one another instance claimed first, gives no row.
const claimProbeQuery = preparedQuery<RawBreaker>(
  "connector_breaker_claim_probe",
  `WITH claimed AS (
    UPDATE connector_breakers SET state = 'half_open', probe_claimed_at = $3::timestamptz, version = version + 1, updated_at = $3::timestamptz
    WHERE connector = $1::text AND livemode = $2::boolean AND state = $9::text
      AND (($9::text = 'open' AND opened_at <= $4::timestamptz) OR ($9::text = 'half_open' AND probe_claimed_at <= $5::timestamptz))
    RETURNING *
  ), ev AS (
    INSERT INTO connector_breaker_events (${EVENT_COLUMNS})
    SELECT $6::text, connector, livemode, $9::text, 'half_open', CASE WHEN $9::text = 'open' THEN 'probe' ELSE 'probe_timed_out' END,
      consecutive_failures, $7::int, $8::int, $10::text, $3::timestamptz
    FROM claimed
  )
  SELECT ${COLUMNS} FROM claimed`,
);

export async function claimProbe(
  db: Executor,
  key: ConnectorKey,
  from: "open" | "half_open",
  limits: { openMs: number; probeTimeoutMs: number },
  t: TransitionContext,
): Promise<BreakerSnapshot | null> {
  return first(
    await claimProbeQuery(db, [
      key.connector,
      key.livemode,
      new Date(t.now),
      new Date(t.now - limits.openMs),
      new Date(t.now - limits.probeTimeoutMs),
      newId("connectorBreakerEvent", t.now),
      t.window.total,
      t.window.failures,
      from,
      t.instanceId,
    ]),
  );
}

// half_open → closed (the probe worked) or half_open → open (it failed: a new open period from now).
const settleProbeQuery = preparedQuery<RawBreaker>(
  "connector_breaker_settle_probe",
  `WITH up AS (
    UPDATE connector_breakers SET
      state = $4::text,
      consecutive_failures = CASE WHEN $4::text = 'closed' THEN 0 ELSE consecutive_failures + 1 END,
      opened_at = CASE WHEN $4::text = 'closed' THEN NULL ELSE $3::timestamptz END,
      probe_claimed_at = NULL,
      version = version + 1,
      updated_at = $3::timestamptz
    WHERE connector = $1::text AND livemode = $2::boolean AND state = 'half_open'
    RETURNING *
  ), ev AS (
    INSERT INTO connector_breaker_events (${EVENT_COLUMNS})
    SELECT $5::text, connector, livemode, 'half_open', state, CASE WHEN state = 'closed' THEN 'probe_succeeded' ELSE 'probe_failed' END,
      consecutive_failures, $6::int, $7::int, $8::text, $3::timestamptz
    FROM up
  )
  SELECT ${COLUMNS} FROM up`,
);

/** Ends a half-open breaker: closed after a success, open again after a failure. Null: it was not half-open. */
export async function settleProbe(db: Executor, key: ConnectorKey, to: "closed" | "open", t: TransitionContext): Promise<BreakerSnapshot | null> {
  return first(
    await settleProbeQuery(db, [
      key.connector,
      key.livemode,
      new Date(t.now),
      to,
      newId("connectorBreakerEvent", t.now),
      t.window.total,
      t.window.failures,
      t.instanceId,
    ]),
  );
}
