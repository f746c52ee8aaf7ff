import type { Executor } from "@/db/client";
import { events } from "@/db/schema";
import { newId } from "@/lib/ids";
import { isTransaction, type ServiceContext } from "@/lib/service/context";
import { markOutboxWrite, signalOutboxCommit } from "@/lib/service/outbox-signal";

/**
 * Writes an outbox event; call it inside the transaction that makes the change. Verbs declare theirs on
 * lib/service/commit.ts instead (`changes.event`); this stays for tests that seed events and code not yet moved.
 */
export async function emitEvent(
  tx: Executor,
  ctx: ServiceContext,
  type: string,
  object: Record<string, unknown>,
  previousAttributes?: Record<string, unknown>,
): Promise<string> {
  const row = eventRow(ctx, type, object, previousAttributes);
  await tx.insert(events).values(row);
  markOutboxWrite(tx);
  return row.id;
}

/**
 * The outbox row for an event, to insert together with other writes (db/batch.ts); then call
 * outboxWritten(db) so the relay sends it once it is committed.
 */
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

/** After writing outbox rows outside emitEvent: inside a transaction, mark it; else they are committed. */
export function outboxWritten(db: Executor): void {
  if (isTransaction(db)) markOutboxWrite(db);
  else signalOutboxCommit();
}
