import type { Changes } from "@/lib/service/commit";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";

/**
 * Hands deliveries to the webhook-deliver workflow through the outbox: one internal event per delivery,
 * in the commit that creates (or re-opens) it, so a delivery is never left without its run and a run
 * never starts for a delivery that was rolled back. The relay sends each with its outbox id as event id:
 * a resend or replay is a new row (a new id, a new run); the relay resending the same row is dropped.
 */
export function dispatchDeliveries(changes: Changes, deliveries: { id: string; endpointId: string }[]): void {
  for (const d of deliveries) declareInternalEvent(changes, INTERNAL_EVENTS.webhookDeliveryRequested, { deliveryId: d.id, endpointId: d.endpointId });
}
