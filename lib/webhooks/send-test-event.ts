import { events, webhookDeliveries } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { requirePermission } from "@/lib/service/roles";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { eventRow } from "@/lib/events/emit-event";
import { newId } from "@/lib/ids";
import { dispatchDeliveries } from "./dispatch";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";
import { serializeWebhookEndpoint } from "./serialize-webhook-endpoint";

/**
 * POST /api/v1/webhook_endpoints/:id/test — a `webhook_endpoint.test` event to this endpoint only.
 * It is a real event (GET /api/v1/events/:id returns it) but marked published, so it fans out nowhere else.
 */
export async function sendTestEvent({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "webhooks:write");
  const delivery = await withTransaction(ctx, async (tx) => {
    const endpoint = await loadWebhookEndpoint(tx, ctx, id);
    const event = { ...eventRow(ctx, "webhook_endpoint.test", serializeWebhookEndpoint(endpoint)), publishedAt: new Date() };
    await tx.insert(events).values(event);
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ id: newId("webhookDelivery"), merchantId: ctx.merchantId, livemode: ctx.livemode, endpointId: id, eventId: event.id, eventType: event.type })
      .returning();
    await writeAudit(tx, ctx, { action: "webhook_endpoint.test_sent", targetType: "webhook_endpoint", targetId: id, metadata: { event: event.id } });
    return row!;
  });
  await dispatchDeliveries([delivery], "test");
  return { id: delivery.id, object: "webhook_delivery" as const, event: delivery.eventId, status: delivery.status };
}
