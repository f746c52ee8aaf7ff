import { and, asc, eq, inArray } from "drizzle-orm";
import { webhookAttempts, webhookDeliveries } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListWebhookDeliveriesQuery } from "./inputs";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";
import { serializeWebhookDelivery } from "./serialize-webhook-delivery";

/** GET /api/v1/webhook_endpoints/:id/deliveries — the endpoint's delivery log, newest first, with tries. */
export async function listWebhookDeliveries({ ctx, endpointId, input, url }: { ctx: ServiceContext; endpointId: string; input: unknown; url: string }) {
  requirePermission(ctx, "webhooks:read");
  const q = parseWith(ListWebhookDeliveriesQuery, input);
  const db = await executor(ctx);
  await loadWebhookEndpoint(db, ctx, endpointId);
  const page = await paginate({
    db,
    table: webhookDeliveries,
    id: webhookDeliveries.id,
    where: and(
      eq(webhookDeliveries.merchantId, ctx.merchantId),
      eq(webhookDeliveries.livemode, ctx.livemode),
      eq(webhookDeliveries.endpointId, endpointId),
      q.status ? eq(webhookDeliveries.status, q.status) : undefined,
      q.event ? eq(webhookDeliveries.eventId, q.event) : undefined,
    ),
    params: q,
    url,
    serialize: (row: typeof webhookDeliveries.$inferSelect) => row,
  });
  const attempts = page.data.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            page.data.map((d) => d.id),
          ),
        )
        .orderBy(asc(webhookAttempts.number))
    : [];
  return {
    ...page,
    data: page.data.map((d) =>
      serializeWebhookDelivery(
        d,
        attempts.filter((a) => a.deliveryId === d.id),
      ),
    ),
  };
}
