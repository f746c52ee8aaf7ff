import type { Executor, Transaction } from "@/db/client";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { recoveryPointWrite, responseWrite, setRecoveryPoint } from "./idempotency";

/**
 * Recovery points and stored responses for verbs with a side effect between two phases (Brandur's
 * atomic phases). Phase A records the object it made and `markRecoveryPoint` in one transaction; the
 * side effect is keyed by that object's id; phase B records the outcome and `respondWithin` stores the
 * answer in the same transaction. A retry with the same Idempotency-Key reads `recoveryOf(ctx)` and
 * resumes that object — never a second one — or gets the stored answer replayed.
 */

/** What a crashed earlier try of this request recorded, if anything. */
export function recoveryOf<T extends object>(ctx: ServiceContext, point: string): Partial<T> | undefined {
  const r = ctx.idempotency?.recovery as ({ point?: string } & Partial<T>) | undefined | null;
  return r && r.point === point ? r : undefined;
}

/** Phase A's last write (same transaction): where a retry resumes. Throws if another request took the key over. */
export async function markRecoveryPoint(tx: Transaction, ctx: ServiceContext, point: string, data: object): Promise<void> {
  if (ctx.idempotency) await setRecoveryPoint(tx, ctx.idempotency, point, { point, ...data });
}

/** The same write as a statement for a batch (executeAsOne with `fence` on its index): none without a key. */
export function recoveryPointWrites(db: Executor, ctx: ServiceContext, point: string, data: object) {
  return ctx.idempotency ? [recoveryPointWrite(db, ctx.idempotency, point, { point, ...data })] : [];
}

/** The write storing this request's answer, for a batch in the verb's last transaction: none without a key. */
export function responseWrites(db: Executor, ctx: ServiceContext, status: number, body: unknown) {
  return ctx.idempotency ? [responseWrite(db, ctx.idempotency, status, body)] : [];
}

/** After the transaction that ran `responseWrites` committed: the wrapper must not store the answer again. */
export function responseStored(ctx: ServiceContext): void {
  if (ctx.idempotency) ctx.idempotency.stored = true;
}

/**
 * A verb's last transaction, with its answer stored in it: a crash after the commit still replays
 * exactly this answer, however the object changes later.
 */
export async function respondWithin<T>(ctx: ServiceContext, fn: (tx: Transaction) => Promise<T>, answer: (result: T) => unknown): Promise<T> {
  const result = await withTransaction(ctx, async (tx) => {
    const out = await fn(tx);
    for (const w of responseWrites(tx, ctx, 200, answer(out))) await w;
    return out;
  });
  responseStored(ctx);
  return result;
}
