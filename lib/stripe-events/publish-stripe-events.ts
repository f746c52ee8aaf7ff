import { and, asc, inArray, isNull, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { stripeEvents, type StripeEventRow } from "@/db/schema";
import { executor } from "@/lib/service/context";
import type { EventSender, OutboundEvent } from "@/lib/events/publish-events";

/**
 * A recorded Stripe event as the workflow engine gets it. The id is fixed by Stripe's event id, so
 * every send of the same row is one event to the engine (it drops a resend of an id for 24 h).
 */
export function toOutboundStripeEvent(row: Pick<StripeEventRow, "id" | "type" | "receivedAt">): OutboundEvent {
  return { id: `stripe-${row.id}`, name: "stripe/event.received", data: { stripe_event_id: row.id, type: row.type }, ts: row.receivedAt.getTime() };
}

/**
 * The outbox relay's pass over Stripe's events. Stripe events are platform-level (no merchant or mode,
 * so no row of the merchants' outbox can carry them): the stripe_events row written when the event was
 * received is its own outbox row, and `dispatched_at` says it was handed on. A row is marked after the
 * send, so a crash or a failed send leaves it for the next pass; two relays that meet may both send
 * it, which the engine drops by its fixed id. Returns how many were handed on.
 */
export async function publishPendingStripeEvents({
  db,
  send,
  limit = 100,
  olderThan,
}: {
  db?: Executor;
  send: EventSender;
  limit?: number;
  olderThan?: Date;
}): Promise<number> {
  const conn = await executor({ db });
  const rows = await conn
    .select({ id: stripeEvents.id, type: stripeEvents.type, receivedAt: stripeEvents.receivedAt })
    .from(stripeEvents)
    .where(and(isNull(stripeEvents.dispatchedAt), isNull(stripeEvents.processedAt), olderThan ? lt(stripeEvents.receivedAt, olderThan) : undefined))
    .orderBy(asc(stripeEvents.receivedAt), asc(stripeEvents.id))
    .limit(limit);
  if (rows.length === 0) return 0;
  await send(rows.map(toOutboundStripeEvent));
  await conn
    .update(stripeEvents)
    .set({ dispatchedAt: new Date() })
    .where(
      and(
        inArray(
          stripeEvents.id,
          rows.map((r) => r.id),
        ),
        isNull(stripeEvents.dispatchedAt),
      ),
    );
  return rows.length;
}
