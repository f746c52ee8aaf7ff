import { notLike } from "drizzle-orm";
import { events } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";

/**
 * Internal events: hand-offs to a workflow that travel the outbox, so they commit with the change that
 * asks for them and the relay sends them with the outbox id as event id (a resend of the row is dropped
 * by the engine; a new request is a new row, so a new id). They are not API events: never listed or
 * fetched through /api/v1/events, never fanned out to merchants' endpoints. An outbox row is internal
 * when its type is the workflow event's own name, which has a `/` — no API event type can have one
 * (ListEventsInput's pattern) — and the relay sends it under that name, not `kassa/<type>`.
 */
export const INTERNAL_EVENTS = {
  /** One webhook delivery to try now (lib/webhooks/dispatch.ts → inngest/functions/webhook-deliver.ts). */
  webhookDeliveryRequested: "webhooks/delivery.requested",
} as const;
export type InternalEventName = (typeof INTERNAL_EVENTS)[keyof typeof INTERNAL_EVENTS];

export const isInternalEvent = (type: string): boolean => type.includes("/");

/** The filter that keeps internal events out of what merchants see. */
export const apiEventsOnly = () => notLike(events.type, "%/%");

/**
 * Declares an internal event in the verb's commit; `data` is exactly what the workflow gets as
 * `event.data`. Returns the outbox id, which is the event's id at the engine.
 */
export function declareInternalEvent(changes: Changes, name: InternalEventName, data: Record<string, string> & { id?: never }): string {
  // No `id` in data: the payment timeline finds outbox rows by `data.object.id`, and these are no object's.
  return changes.event(name, data);
}
