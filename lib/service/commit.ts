import { executeAsOne, FenceLostError, type Renderable } from "@/db/batch";
import { fastInsert } from "@/db/fast-insert";
import type { Executor, Transaction } from "@/db/client";
import { auditLog, events } from "@/db/schema";
import { newId } from "@/lib/ids";
import { withTransaction, isTransaction, type ServiceContext } from "./context";
import { fencedResponseWrite, lockLost, recoveryPointWrite, responseWrite } from "./idempotency";
import { markOutboxWrite, signalOutboxCommit } from "./outbox-signal";

/**
 * The one write path. Every verb that changes state commits through `commit` (an interactive
 * transaction) or `commitWrites` (one statement, for the hot path): its own rows, plus what it declares
 * on `Changes` — audit rows, outbox events, the request's recovery point and its stored answer — all in
 * the same transaction, the declared rows batched into one statement at the end. The outbox relay is
 * told after the outermost commit; nothing reaches the workflow engine any other way.
 */

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
}

export interface Changes {
  /** An audit row for this change; returns its id. */
  audit(entry: AuditEntry): string;
  /** An outbox event committed with this change (the relay hands it to workflows); returns its id (`evt_…`). */
  event(type: string, object: Record<string, unknown>, previousAttributes?: Record<string, unknown>): string;
  /**
   * Phase A's recovery point on the request's Idempotency-Key: where a retry resumes after a crash.
   * Fenced: if another request took the key over, nothing of this commit is written (idempotency_key_in_use).
   * Without a key it is nothing.
   */
  recoveryPoint(point: string, data: object): void;
  /** The request's idempotent answer, stored in this commit (so a crash after it still replays exactly this). */
  respond(status: number, body: unknown): void;
  /**
   * The verb's own last writes, sent in the same one statement as the declared rows (no extra round
   * trip). They see the snapshot before any of that statement's writes, so they must not depend on each other.
   */
  write(...writes: Renderable[]): void;
}

interface Declared {
  own: Renderable[];
  audits: ReturnType<typeof auditRow>[];
  events: ReturnType<typeof eventRow>[];
  recovery?: { point: string; data: object };
  response?: { status: number; body: unknown };
}

function declare(ctx: ServiceContext): { changes: Changes; declared: Declared } {
  const declared: Declared = { own: [], audits: [], events: [] };
  const changes: Changes = {
    audit(entry) {
      const row = auditRow(ctx, entry);
      declared.audits.push(row);
      return row.id;
    },
    event(type, object, previousAttributes) {
      const row = eventRow(ctx, type, object, previousAttributes);
      declared.events.push(row);
      return row.id;
    },
    recoveryPoint(point, data) {
      declared.recovery = { point, data: { point, ...data } };
    },
    respond(status, body) {
      declared.response = { status, body };
    },
    write(...writes) {
      declared.own.push(...writes);
    },
  };
  return { changes, declared };
}

/** The declared rows as writes; the recovery point first, so it can fence the batch. */
function declaredWrites(db: Executor, ctx: ServiceContext, d: Declared): { writes: Renderable[]; fence?: number } {
  const lock = ctx.idempotency;
  const writes: Renderable[] = [];
  let fence: number | undefined;
  // A recovery point and an answer in one commit both update the key's row, and two updates of one row in
  // one statement leave only one of them: the answer (recovery point "finished") supersedes the point, so it
  // alone is written, first, as the fence.
  const answered = Boolean(lock && d.recovery && d.response);
  if (lock && d.recovery && d.response) {
    fence = writes.length;
    writes.push(fencedResponseWrite(db, lock, d.response.status, d.response.body));
  } else if (lock && d.recovery) {
    fence = writes.length;
    writes.push(recoveryPointWrite(db, lock, d.recovery.point, d.recovery.data));
  }
  writes.push(...d.own);
  if (d.audits.length) writes.push(fastInsert(db, auditLog, d.audits));
  if (d.events.length) writes.push(fastInsert(db, events, d.events));
  if (lock && d.response && !answered) writes.push(responseWrite(db, lock, d.response.status, d.response.body));
  return { writes, ...(fence === undefined ? {} : { fence }) };
}

async function flush(db: Executor, writes: Renderable[], fence: number | undefined): Promise<void> {
  await executeAsOne(db, writes, fence === undefined ? {} : { fence }).catch((error: unknown) => {
    throw error instanceof FenceLostError ? lockLost() : error;
  });
}

function afterCommit(db: Executor, ctx: ServiceContext, d: Declared): void {
  if (d.events.length) {
    // Outbox rows are out only once the outermost transaction commits.
    const ids = d.events.map((e) => e.id);
    if (isTransaction(db)) markOutboxWrite(db, ids);
    else signalOutboxCommit(ids);
  }
  if (d.response && ctx.idempotency) ctx.idempotency.stored = true;
}

/**
 * Runs `work` in one transaction (a savepoint inside a caller's), then writes what it declared on
 * `Changes` in one statement before the commit. `respond` stores the verb's answer (HTTP 200 with
 * `respond(result)` as body) in the same commit, unless the verb runs inside a caller's transaction.
 */
export async function commit<T>(
  ctx: ServiceContext,
  work: (tx: Transaction, changes: Changes) => Promise<T>,
  options: { respond?: (result: T) => unknown } = {},
): Promise<T> {
  let declared: Declared = { own: [], audits: [], events: [] };
  const nested = ctx.db !== undefined && isTransaction(ctx.db);
  const result = await withTransaction(ctx, async (tx) => {
    const d = declare(ctx);
    declared = d.declared;
    const out = await work(tx, d.changes);
    // Only the request's own verb answers it: a verb joined into a caller's transaction never does.
    if (options.respond && !nested && !declared.response) d.changes.respond(200, options.respond(out));
    const { writes, fence } = declaredWrites(tx, ctx, declared);
    await flush(tx, writes, fence);
    // withTransaction tells the relay once the outermost transaction has committed.
    if (declared.events.length)
      markOutboxWrite(
        tx,
        declared.events.map((e) => e.id),
      );
    return out;
  });
  if (declared.response && ctx.idempotency) ctx.idempotency.stored = true;
  return result;
}

/** A guarded commitWrites found its guard row changed: nothing of the statement was written. */
export class GuardLostError extends Error {
  constructor() {
    super("the guarded write matched no row; nothing was written");
  }
}

/**
 * The hot path's commit: `writes` (built on `db`) and what `declare` declares, as ONE statement — one
 * round trip, atomic on its own. The writes must not depend on each other's effects.
 *
 * `guarded`: the first of `writes` is an UPDATE … RETURNING that must match its row (an optimistic check that
 * the row is still as the caller read it); when it matches none, nothing is written and GuardLostError is
 * thrown, so the caller can take its locked path instead. A guarded commit declares no recovery point.
 */
export async function commitWrites(
  ctx: ServiceContext,
  db: Executor,
  build: (db: Executor, changes: Changes) => Renderable[],
  opts: { guarded?: boolean } = {},
): Promise<void> {
  const d = declare(ctx);
  const own = build(db, d.changes);
  const { writes, fence } = declaredWrites(db, ctx, d.declared);
  if (opts.guarded) {
    if (fence !== undefined || own.length === 0) throw new Error("commitWrites: a guarded commit needs its guard first and no recovery point");
    await executeAsOne(db, [...own, ...writes], { fence: 0 }).catch((error: unknown) => {
      throw error instanceof FenceLostError ? new GuardLostError() : error;
    });
  } else {
    // The recovery point stays first: the fence's index is counted from the start.
    await flush(db, [...writes.slice(0, fence === undefined ? 0 : 1), ...own, ...writes.slice(fence === undefined ? 0 : 1)], fence);
  }
  afterCommit(db, ctx, d.declared);
}

/**
 * The same path for rows no merchant owns — users, sign-up requests, password resets, login sessions,
 * emails, Stripe's events — and for a system sweep across merchants (releasing available funds): the
 * verb's writes in one transaction (a savepoint inside a caller's). With no merchant there
 * is no audit row, event, recovery point or stored answer to declare; a verb that has a merchant to
 * answer to uses `commit` with that merchant's context.
 */
export async function commitPlatform<T>(db: Executor | undefined, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return withTransaction({ db }, work);
}

/** commitWrites for rows no merchant owns: the writes as one statement. */
export async function commitPlatformWrites(db: Executor, build: (db: Executor) => Renderable[]): Promise<void> {
  await executeAsOne(db, build(db));
}

/** The audit row of `entry` by ctx's actor. */
function auditRow(ctx: ServiceContext, entry: AuditEntry) {
  return {
    id: newId("audit"),
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
    metadata: entry.metadata ?? null,
  };
}

/** The outbox row of an event (a verb that writes an event already published, like a test event, builds it here too). */
export function eventRow(ctx: ServiceContext, type: string, object: Record<string, unknown>, previousAttributes?: Record<string, unknown>) {
  return {
    id: newId("event"),
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    type,
    data: previousAttributes ? { object, previous_attributes: previousAttributes } : { object },
    requestId: ctx.requestId ?? null,
    idempotencyKey: ctx.idempotencyKey ?? null,
  };
}
