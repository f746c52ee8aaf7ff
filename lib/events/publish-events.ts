import { and, asc, getTableColumns, inArray, isNull, lt, or, sql } from "drizzle-orm";
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

/** Whether the event's merchant has an enabled webhook endpoint in the event's mode. */
// Written out (not drizzle's column references): inside an UPDATE's RETURNING drizzle leaves columns unqualified,
// and `livemode` would then name the endpoint's own column.
const hasEnabledEndpoint = sql<boolean>`exists (select 1 from ${webhookEndpoints} we where we.merchant_id = "events".merchant_id
  and we.livemode = "events".livemode and we.status = 'enabled' and we.deleted_at is null)`;

/**
 * The rows a claim takes: unpublished, unleased (or their lease ran out), oldest first. `published_at is null` is
 * the predicate of the partial index `events_unpublished_idx`, so a claim reads only unpublished rows however many
 * published ones the table holds.
 */
export function claimableEvents(conn: Executor, { now, limit, olderThan }: { now: Date; limit: number; olderThan?: Date }) {
  return conn
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
}

/**
 * The after-commit path's pass over rows it knows: the outbox rows this process has just committed, read by
 * primary key, sent, and marked published. No claim: the scan's claim walks the unpublished-rows index, which at
 * a busy instance's rate carries thousands of dead entries (3 ms a claim), while these rows are found by id. A row
 * under another relay's lease is left to it; a row both send (the sweep claimed it between this read and the
 * mark) reaches the engine twice, which drops the second by its id. A failed send leaves the rows unpublished
 * for the next scan.
 */
export async function publishCommittedEvents({ db, send, ids }: { db?: Executor; send: EventSender; ids: readonly string[] }): Promise<number> {
  if (ids.length === 0) return 0;
  const conn = await executor({ db });
  const now = new Date();
  const rows = await conn
    .select({ row: getTableColumns(events), webhooks: hasEnabledEndpoint })
    .from(events)
    .where(and(inArray(events.id, [...ids]), isNull(events.publishedAt), or(isNull(events.publishLeasedUntil), lt(events.publishLeasedUntil, now))));
  if (rows.length === 0) return 0;
  rows.sort((a, b) => (a.row.id < b.row.id ? -1 : 1));
  await send(rows.map((r) => toOutboundEvent(r.row, r.webhooks)));
  await conn
    .update(events)
    .set({ publishedAt: new Date(), publishLeasedUntil: null })
    .where(
      and(
        inArray(
          events.id,
          rows.map((r) => r.row.id),
        ),
        isNull(events.publishedAt),
      ),
    );
  return rows.length;
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
  const claimable = claimableEvents(conn, { now, limit, olderThan });
  // The claim also says, per row, whether its merchant has an enabled endpoint in its mode: one statement.
  const claimed = await conn
    .update(events)
    .set({ publishLeasedUntil: new Date(now.getTime() + PUBLISH_LEASE_MS) })
    .where(inArray(events.id, claimable))
    .returning({ row: getTableColumns(events), webhooks: hasEnabledEndpoint });
  if (claimed.length === 0) return 0;
  claimed.sort((a, b) => (a.row.id < b.row.id ? -1 : 1));
  const ids = claimed.map((c) => c.row.id);
  try {
    await send(claimed.map((c) => toOutboundEvent(c.row, c.webhooks)));
  } catch (error) {
    await conn.update(events).set({ publishLeasedUntil: null }).where(inArray(events.id, ids));
    throw error;
  }
  await conn.update(events).set({ publishedAt: new Date(), publishLeasedUntil: null }).where(inArray(events.id, ids));
  return claimed.length;
}
