import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { matchesEventFilter } from "@/lib/events/event-types";
import { newId } from "@/lib/ids";

/**
 * System verb of the fan-out function: one delivery row per enabled endpoint of the event's merchant
 * and mode whose filters match (unique per endpoint × event, so a retried fan-out adds nothing).
 * Returns every delivery of the event that is still pending, to dispatch.
 */
export async function createDeliveries({ db, eventId }: { db: Executor; eventId: string }): Promise<{ id: string; endpointId: string }[]> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) return [];
  const endpoints = await db
    .select({ id: webhookEndpoints.id, enabledEvents: webhookEndpoints.enabledEvents })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.merchantId, event.merchantId), eq(webhookEndpoints.livemode, event.livemode), eq(webhookEndpoints.status, "enabled"), isNull(webhookEndpoints.deletedAt)));
  const matching = endpoints.filter((e) => matchesEventFilter(e.enabledEvents, event.type));
  if (matching.length > 0) {
    await db
      .insert(webhookDeliveries)
      .values(matching.map((e) => ({ id: newId("webhookDelivery"), merchantId: event.merchantId, livemode: event.livemode, endpointId: e.id, eventId: event.id, eventType: event.type })))
      .onConflictDoNothing();
  }
  return db
    .select({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.eventId, event.id), eq(webhookDeliveries.status, "pending")))
    .orderBy(webhookDeliveries.id);
}
