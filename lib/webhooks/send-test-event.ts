import { events, webhookDeliveries, type WebhookDeliveryRow } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit, eventRow } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { dispatchDeliveries } from "./dispatch";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";
import { serializeWebhookEndpoint } from "./serialize-webhook-endpoint";

/**
 * POST /api/v1/webhook_endpoints/:id/test — a `webhook_endpoint.test` event to this endpoint only.
 * It is a real event (GET /api/v1/events/:id returns it) but written already published, so the relay
 * never fans it out; its one delivery is handed off in the same commit.
 */
export async function sendTestEvent({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "webhooks:write");
  const delivery = await commit(
    ctx,
    async (tx, changes) => {
      const endpoint = await loadWebhookEndpoint(tx, ctx, id);
      // The verb's own row, not a declared outbox event: declared events are for the relay to send.
      const event = { ...eventRow(ctx, "webhook_endpoint.test", serializeWebhookEndpoint(endpoint)), publishedAt: new Date() };
      await tx.insert(events).values(event);
      const [row] = await tx
        .insert(webhookDeliveries)
        .values({ id: newId("webhookDelivery"), merchantId: ctx.merchantId, livemode: ctx.livemode, endpointId: id, eventId: event.id, eventType: event.type })
        .returning();
      changes.audit({ action: "webhook_endpoint.test_sent", targetType: "webhook_endpoint", targetId: id, metadata: { event: event.id } });
      dispatchDeliveries(changes, [row!]);
      return row!;
    },
    { respond: (row) => answer(row) },
  );
  return answer(delivery);
}

const answer = (d: Pick<WebhookDeliveryRow, "id" | "eventId" | "status">) => ({
  id: d.id,
  object: "webhook_delivery" as const,
  event: d.eventId,
  status: d.status,
});
