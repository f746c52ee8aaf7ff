import { createHash } from "node:crypto";
import { and, eq, getTableColumns, isNull, lt, ne, or, sql } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import type { Executor } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { executeAsOne, FenceLostError } from "@/db/batch";
import { fastUpdate, IS_NULL } from "@/db/fast-update";
import { idempotencyKeys, type IdempotencyKey } from "@/db/schema";
import { newId } from "@/lib/ids";
import { KassaError } from "@/lib/service/errors";
import { toJson } from "./json";
import { StoredAnswers, type StoredAnswer } from "./stored-answers";
import { currentInstanceId, forgetDeadInstances, holderIsDead } from "@/lib/server-instance";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * A lock older than this is taken over even when its holder still beats (a request stuck that long is
 * given up). A lock whose holder's process died is taken over at once (see takeover below).
 */
export const IDEMPOTENCY_LOCK_TIMEOUT_MS = 90 * 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface IdempotencyScope {
  merchantId: string;
  livemode: boolean;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export type IdempotencyStart = { kind: "started"; record: IdempotencyKey } | { kind: "replay"; status: number; text: string };

/** The lock a request holds: every write it makes on the key is fenced on `lockVersion`. */
export type IdempotencyLock = Pick<IdempotencyKey, "id" | "lockVersion">;

/** Canonical hash of what a request asks for: method, path and the parsed body, keys sorted. */
export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function validateIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new KassaError("idempotency_key_invalid", `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, { param: "Idempotency-Key" });
  }
}

/**
 * Takes the key's lock, or says why not: a stored response to replay, 422 for a key reused with
 * other parameters, 409 while another request holds it. The lock records which server instance holds
 * it; a retry after that process was killed takes it over as soon as the instance's heartbeat stops
 * (lib/server-instance.ts), and resumes from the key's recovery point.
 */
export async function beginIdempotentRequest(
  db: Executor,
  scope: IdempotencyScope,
  now = new Date(),
  { instanceId = currentInstanceId() }: { instanceId?: string } = {},
): Promise<IdempotencyStart> {
  validateIdempotencyKey(scope.key);
  const cacheKey = answerKey(scope);
  const cached = storedAnswers.get(cacheKey, now.getTime());
  if (cached) return replayOf(cached, scope);
  for (let attempt = 0; attempt < 3; attempt++) {
    // One round trip: the claim, or the key's row as it stood before it (a replay's only statement).
    const [row] = await claimOrRead(db, [
      newId("idempotencyKey"),
      scope.merchantId,
      scope.livemode,
      scope.key,
      scope.method,
      scope.path,
      scope.requestHash,
      now.toISOString(),
      instanceId,
    ]);
    if (row?.claimed) return { kind: "started", record: keyOf(row) };
    // No row: another request's claim committed while ours waited on it (this statement's snapshot is older), or
    // the key was reaped meanwhile — look again.
    if (!row) continue;
    const existing = keyOf(row);
    if (existing.createdAt.getTime() <= now.getTime() - IDEMPOTENCY_TTL_MS) {
      // Expired but not yet reaped: the key is fresh again.
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, existing.id));
      continue;
    }
    if (existing.responseStatus !== null) {
      const answer: StoredAnswer = {
        method: existing.requestMethod,
        path: existing.requestPath,
        requestHash: existing.requestHash,
        status: existing.responseStatus,
        text: existing.responseBody ?? "null",
        expiresAt: existing.createdAt.getTime() + IDEMPOTENCY_TTL_MS,
      };
      rememberAnswer(cacheKey, answer);
      return replayOf(answer, scope);
    }
    if (existing.requestHash !== scope.requestHash || existing.requestMethod !== scope.method || existing.requestPath !== scope.path) throw keyReused();
    const staleBefore = new Date(now.getTime() - IDEMPOTENCY_LOCK_TIMEOUT_MS);
    const [taken] = await db
      .update(idempotencyKeys)
      .set({ lockedAt: now, lockedBy: instanceId, lockVersion: sql`${idempotencyKeys.lockVersion} + 1`, lastRunAt: now })
      .where(
        and(
          eq(idempotencyKeys.id, existing.id),
          sql`${idempotencyKeys.responseStatus} is null`,
          or(
            isNull(idempotencyKeys.lockedAt),
            lt(idempotencyKeys.lockedAt, staleBefore),
            // The holder's process is gone (a live process's own locks are never "dead" to it).
            and(ne(idempotencyKeys.lockedBy, instanceId), holderIsDead(idempotencyKeys.lockedBy)),
          ),
        ),
      )
      .returning();
    if (taken) return { kind: "started", record: taken };
    throw new KassaError("idempotency_key_in_use", "There is currently another in-progress request using this Idempotency-Key. Retry after it completes.", {
      param: "Idempotency-Key",
    });
  }
  throw new KassaError("idempotency_key_in_use", "The Idempotency-Key is busy; retry.", { param: "Idempotency-Key" });
}

const keyReused = () =>
  new KassaError("idempotency_key_reused", "Keys for idempotent requests can only be used with the same parameters they were first used with.", {
    param: "Idempotency-Key",
  });

/** A replay of a stored answer, or 422 when this request asks for something else under the same key. */
function replayOf(answer: StoredAnswer, scope: IdempotencyScope): IdempotencyStart {
  if (answer.requestHash !== scope.requestHash || answer.method !== scope.method || answer.path !== scope.path) throw keyReused();
  return { kind: "replay", status: answer.status, text: answer.text };
}

/**
 * Stored answers this process has read, so a key's further replays need no round trip. Safe on any number of
 * instances: a stored answer never changes (every write on a key is fenced on `response_status is null`) and a key
 * is deleted only once expired — by the reaper, or by the request that finds it expired — which `expiresAt` honours
 * here too. Only answers read back from PostgreSQL are held (never this process's own, whose store may have lost its
 * lock): at most 5,000, none over 32 KB, 4 M characters in all, the least recently used going first.
 * `KASSA_IDEMPOTENCY_CACHE=off` turns it off.
 */
const storedAnswers = new StoredAnswers({ entries: 5_000, chars: 4 * 1024 * 1024, entryChars: 32 * 1024 });
const answerKey = (scope: IdempotencyScope) => `${scope.merchantId}\u0000${scope.livemode ? 1 : 0}\u0000${scope.key}`;

function rememberAnswer(key: string, answer: StoredAnswer): void {
  if (process.env.KASSA_IDEMPOTENCY_CACHE !== "off") storedAnswers.set(key, answer);
}

/**
 * Every column of an idempotency_keys row, from the schema (in the database's snake_case, as drizzle names them),
 * as IdempotencyKey's fields; the driver parses each type.
 */
const casing = new CasingCache("snake_case");
const KEY_COLUMNS = Object.entries(getTableColumns(idempotencyKeys))
  .map(([field, column]) => `"${casing.getColumnCasing(column)}" as "${field}"`)
  .join(", ");

/**
 * Every idempotent request's first statement, one fixed text (a named statement): claim the key, or — when it
 * exists — return its row as it stood before this statement, so a replay answers in one round trip.
 */
const claimOrRead = preparedQuery<IdempotencyKey & { claimed: boolean }>(
  "idempotency_claim_or_read",
  `with claimed as (
     insert into idempotency_keys (id, merchant_id, livemode, key, request_method, request_path, request_hash, locked_at, locked_by, last_run_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9, $8::timestamptz, $8::timestamptz)
     on conflict do nothing
     returning *)
   select true as claimed, ${KEY_COLUMNS} from claimed
   union all
   select false as claimed, ${KEY_COLUMNS} from idempotency_keys where merchant_id = $2 and livemode = $3 and key = $4`,
);

function keyOf({ claimed: _claimed, ...row }: IdempotencyKey & { claimed: boolean }): IdempotencyKey {
  return row;
}

/** Only the current holder of the lock may write on the key, and only until a response is stored. */
const heldBy = (lock: IdempotencyLock) => ({ id: lock.id, lockVersion: lock.lockVersion, responseStatus: IS_NULL as typeof IS_NULL });

/** The update that stores the response to replay and releases the lock, for a verb's last transaction. */
export function responseWrite(db: Executor, lock: IdempotencyLock, status: number, body: unknown) {
  return responseTextWrite(db, lock, status, toJson(body));
}

/** The same, for an answer already serialised (the exact bytes that are sent). */
function responseTextWrite(db: Executor, lock: IdempotencyLock, status: number, text: string, opts: { returning?: ["id"] } = {}) {
  return fastUpdate(
    db,
    idempotencyKeys,
    { responseStatus: status, responseBody: text, lockedAt: null, lockedBy: null, recoveryPoint: "finished" },
    heldBy(lock),
    opts,
  );
}

/** responseWrite that returns the row it stored on, so it can fence a batch (nothing written if the lock was lost). */
export function fencedResponseWrite(db: Executor, lock: IdempotencyLock, status: number, body: unknown) {
  return responseTextWrite(db, lock, status, toJson(body), { returning: ["id"] });
}

/** Stores the response to replay and releases the lock (a no-op once the lock was taken over). */
export async function completeIdempotentRequest(db: Executor, lock: IdempotencyLock, status: number, body: unknown): Promise<void> {
  await executeAsOne(db, [responseWrite(db, lock, status, body)]);
}

/** completeIdempotentRequest for an answer already serialised. */
export async function completeIdempotentRequestText(db: Executor, lock: IdempotencyLock, status: number, text: string): Promise<void> {
  await executeAsOne(db, [responseTextWrite(db, lock, status, text)]);
}

/** Releases the lock without a response, so a retry can resume from the recovery point. */
export async function releaseIdempotentRequest(db: Executor, lock: IdempotencyLock): Promise<void> {
  await executeAsOne(db, [fastUpdate(db, idempotencyKeys, { lockedAt: null, lockedBy: null }, heldBy(lock))]);
}

/**
 * The write that records a recovery point, fenced on the lock: it matches no row when another request
 * took the key over. Use it inside the phase's transaction, before the side effect it guards.
 */
export function recoveryPointWrite(db: Executor, lock: IdempotencyLock, point: string, data: unknown) {
  return fastUpdate(db, idempotencyKeys, { recoveryPoint: point, recoveryData: data as object }, heldBy(lock), { returning: ["id"] });
}

export const lockLost = () =>
  new KassaError("idempotency_key_in_use", "Another request took over this Idempotency-Key; retry to get its answer.", { param: "Idempotency-Key" });

/** Records where a retry of this request resumes after a crash; throws (rolling the phase back) if the lock was lost. */
export async function setRecoveryPoint(db: Executor, lock: IdempotencyLock, point: string, data: unknown): Promise<void> {
  await executeAsOne(db, [recoveryPointWrite(db, lock, point, data)], { fence: 0 }).catch((error: unknown) => {
    throw error instanceof FenceLostError ? lockLost() : error;
  });
}

/** Deletes keys older than 24 h; returns how many went. */
export async function reapIdempotencyKeys(db: Executor, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ id: idempotencyKeys.id });
  await forgetDeadInstances(db);
  return gone.length;
}
