import type { Database, Executor, Transaction } from "@/db/client";
import { getDb } from "@/db/client";
import type { ActorType, Role } from "@/db/schema";

export interface Actor {
  type: ActorType;
  /** usr_… for a user, key_… for an API key, a job name for the system. */
  id: string | null;
  label?: string;
}

/** Who is acting, for which merchant and mode. Every service verb takes one. */
export interface ServiceContext {
  merchantId: string;
  livemode: boolean;
  actor: Actor;
  /** The acting user's role in this merchant; absent for API keys and the system. */
  role?: Role;
  requestId?: string;
  /** The Idempotency-Key the request came with, recorded on the events it causes. */
  idempotencyKey?: string;
  ip?: string | null;
  /** A transaction already open (a wrapper's, or a test's); services join it. */
  db?: Executor;
}

export async function withTransaction<T>(ctx: { db?: Executor }, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const db = ctx.db ?? (await getDb());
  // Nested calls become savepoints, so a verb can join a caller's transaction.
  return (db as Database).transaction(fn);
}

export async function executor(ctx: { db?: Executor }): Promise<Executor> {
  return ctx.db ?? (await getDb());
}

export const systemActor = (job: string): Actor => ({ type: "system", id: job, label: job });
