import { and, asc, inArray, isNull, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events, type EventRow } from "@/db/schema";
import { withTransaction } from "@/lib/context";
import { serializeEvent } from "./serialize-event";

export interface OutboundEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

export type EventSender = (batch: OutboundEvent[]) => Promise<unknown>;

export function toOutboundEvent(row: EventRow): OutboundEvent {
  return {
    // The outbox id is the event id: the engine drops a resend of the same id for 24 h.
    id: row.id,
    name: `kassa/${row.type}`,
    data: { ...serializeEvent(row), merchant: row.merchantId },
    ts: row.createdAt.getTime(),
  };
}

/**
 * The outbox relay: sends unpublished outbox rows to the workflow engine, oldest first, and marks
 * them published. Rows are locked (skip locked) so concurrent relays never send the same batch;
 * a failed send leaves them for the next call. Returns how many were published.
 */
export async function publishPendingEvents({
  db,
  send,
  limit = 100,
  olderThan,
}: {
  db?: Executor;
  send: EventSender;
  limit?: number;
  /** Only rows created before this (the sweep leaves fresh rows to the after-commit path). */
  olderThan?: Date;
}): Promise<number> {
  return withTransaction({ db }, async (tx) => {
    const rows = await tx
      .select()
      .from(events)
      .where(and(isNull(events.publishedAt), olderThan ? lt(events.createdAt, olderThan) : undefined))
      .orderBy(asc(events.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return 0;
    await send(rows.map(toOutboundEvent));
    await tx
      .update(events)
      .set({ publishedAt: new Date() })
      .where(inArray(events.id, rows.map((r) => r.id)));
    return rows.length;
  });
}
