import type { Database, Executor, Transaction } from "@/db/client";
import { getDb } from "@/db/client";
import { markOutboxWrite, outboxWrites, signalOutboxCommit } from "@/lib/service/outbox-signal";
import type { ActorType, KeyPermissions, Role } from "@/db/schema";

export interface Actor {
  type: ActorType;
  /** usr_… for a user, key_… for an API key, a job name for the system. */
  id: string | null;
  label?: string;
}

/**
 * A request's hold on its Idempotency-Key. A verb that calls a processor or moves money records a
 * recovery point on it before the side effect and stores its response in its last transaction.
 */
export interface IdempotentRequest {
  id: string;
  /** The lock's version when this request took it: the fence for every write on the key. */
  lockVersion: number;
  /** What a crashed earlier try of this request recorded (its recovery data), if anything. */
  recovery: unknown;
  /** The response is stored already (in the verb's last transaction). */
  stored: boolean;
}

/** Who is acting, for which merchant and mode. Every service verb takes one. */
export interface ServiceContext {
  merchantId: string;
  livemode: boolean;
  actor: Actor;
  /** The acting user's role in this merchant; for an API key a member made, that member's role. */
  role?: Role;
  /** A restricted key's grants (`rk_…`): what each resource allows. */
  keyPermissions?: KeyPermissions;
  requestId?: string;
  /** The Idempotency-Key the request came with, recorded on the events it causes. */
  idempotencyKey?: string;
  /** The lock this request holds on its Idempotency-Key (lib/service/recovery.ts), when it came with one. */
  idempotency?: IdempotentRequest;
  ip?: string | null;
  /**
   * History written after the fact (the demo seed): the time the verb acts as of, in ms. Only the fraud
   * check reads it — its velocities and counters are as of that time — so 3,000 demo payments written in
   * minutes look like 90 days of traffic, not one card's burst.
   */
  asOf?: number;
  /** A transaction already open (a wrapper's, or a test's); services join it. */
  db?: Executor;
}

export const isTransaction = (db: Executor): boolean => typeof (db as Partial<Transaction>).rollback === "function";

export async function withTransaction<T>(ctx: { db?: Executor }, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const db = ctx.db ?? (await getDb());
  let wrote: readonly string[] | undefined;
  // Nested calls become savepoints, so a verb can join a caller's transaction.
  const result = await (db as Database).transaction(async (tx) => {
    const out = await fn(tx);
    wrote = outboxWrites(tx);
    return out;
  });
  if (wrote) {
    // Outbox rows are only out once the outermost transaction commits.
    if (isTransaction(db)) markOutboxWrite(db, wrote);
    else signalOutboxCommit(wrote);
  }
  return result;
}

export async function executor(ctx: { db?: Executor }): Promise<Executor> {
  return ctx.db ?? (await getDb());
}

export const systemActor = (job: string): Actor => ({ type: "system", id: job, label: job });
