import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { matchesEventFilter } from "@/lib/events/event-types";
import { isInternalEvent } from "@/lib/events/internal-events";
import { commit } from "@/lib/service/commit";
import { systemActor } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { dispatchDeliveries } from "./dispatch";

/**
 * System verb of the fan-out function: one delivery row per enabled endpoint of the event's merchant
 * and mode whose filters match (unique per endpoint × event, so a retried fan-out adds nothing), each
 * handed to the webhook-deliver workflow in the same commit. Returns every delivery of the event that
 * is still pending.
 */
export async function createDeliveries({ db, eventId }: { db: Executor; eventId: string }): Promise<{ id: string; endpointId: string }[]> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  // An internal event is for a workflow, never for merchants' endpoints.
  if (!event || isInternalEvent(event.type)) return [];
  const ctx = { merchantId: event.merchantId, livemode: event.livemode, actor: systemActor("webhook-fan-out"), db };
  return commit(ctx, async (tx, changes) => {
    const endpoints = await tx
      .select({ id: webhookEndpoints.id, enabledEvents: webhookEndpoints.enabledEvents })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.merchantId, event.merchantId),
          eq(webhookEndpoints.livemode, event.livemode),
          eq(webhookEndpoints.status, "enabled"),
          isNull(webhookEndpoints.deletedAt),
        ),
      );
    const matching = endpoints.filter((e) => matchesEventFilter(e.enabledEvents, event.type));
    if (matching.length > 0) {
      const created = await tx
        .insert(webhookDeliveries)
        .values(
          matching.map((e) => ({
            id: newId("webhookDelivery"),
            merchantId: event.merchantId,
            livemode: event.livemode,
            endpointId: e.id,
            eventId: event.id,
            eventType: event.type,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
      // Only the rows this call made: a retried fan-out's earlier deliveries went out with their own commit.
      dispatchDeliveries(
        changes,
        created.sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    }
    return tx
      .select({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.eventId, event.id), eq(webhookDeliveries.status, "pending")))
      .orderBy(webhookDeliveries.id);
  });
}
