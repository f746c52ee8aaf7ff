import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events, webhookEndpoints, type EventRow } from "@/db/schema";
import { executor } from "@/lib/service/context";
import { isInternalEvent } from "./internal-events";
import { serializeEvent } from "./serialize-event";

export interface OutboundEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

export type EventSender = (batch: OutboundEvent[]) => Promise<unknown>;

export function toOutboundEvent(row: EventRow, webhooks = false): OutboundEvent {
  // An internal event goes out under its own name with exactly its data (lib/events/internal-events.ts):
  // a delivery request never matches `kassa/*`; a re-run's trigger does, and its own `webhooks` flag
  // says whether the fan-out runs again (false unless the fan-out is the run asked for).
  if (isInternalEvent(row.type)) return { id: row.id, name: row.type, data: row.data.object, ts: row.createdAt.getTime() };
  return {
    // The outbox id is the event id: the engine drops a resend of the same id for 24 h.
    id: row.id,
    name: `kassa/${row.type}`,
    // `webhooks`: the merchant has an enabled endpoint in this mode, so the fan-out function runs at all.
    data: { ...serializeEvent(row), merchant: row.merchantId, webhooks },
    ts: row.createdAt.getTime(),
  };
}

/** Which merchant+mode pairs of a batch have an enabled webhook endpoint (one query per batch). */
async function withEndpoints(db: Executor, rows: EventRow[]): Promise<Set<string>> {
  const merchants = [...new Set(rows.map((r) => r.merchantId))];
  const found = await db
    .selectDistinct({ merchantId: webhookEndpoints.merchantId, livemode: webhookEndpoints.livemode })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.merchantId, merchants), eq(webhookEndpoints.status, "enabled"), isNull(webhookEndpoints.deletedAt)));
  return new Set(found.map((f) => `${f.merchantId}:${f.livemode}`));
}

/** How long a relay may take to send a claimed batch before another relay may claim it again. */
export const PUBLISH_LEASE_MS = 30_000;

/**
 * The outbox relay: sends unpublished outbox rows to the workflow engine, oldest first, and marks
 * them published. A batch is claimed with a lease in one statement (`for update skip locked`), so
 * concurrent relays never send the same row, and no transaction stays open during the send — which
 * would also deadlock PGlite's single connection against an in-process engine writing its own rows.
 * A failed send frees the batch for the next call. Returns how many were published.
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
  const conn = await executor({ db });
  const now = new Date();
  const claimable = conn
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        isNull(events.publishedAt),
        or(isNull(events.publishLeasedUntil), lt(events.publishLeasedUntil, now)),
        olderThan ? lt(events.createdAt, olderThan) : undefined,
      ),
    )
    .orderBy(asc(events.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await conn
    .update(events)
    .set({ publishLeasedUntil: new Date(now.getTime() + PUBLISH_LEASE_MS) })
    .where(inArray(events.id, claimable))
    .returning();
  if (rows.length === 0) return 0;
  rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  const ids = rows.map((r) => r.id);
  try {
    const hooked = await withEndpoints(conn, rows);
    await send(rows.map((r) => toOutboundEvent(r, hooked.has(`${r.merchantId}:${r.livemode}`))));
  } catch (error) {
    await conn.update(events).set({ publishLeasedUntil: null }).where(inArray(events.id, ids));
    throw error;
  }
  await conn.update(events).set({ publishedAt: new Date(), publishLeasedUntil: null }).where(inArray(events.id, ids));
  return rows.length;
}
