// GET /api/v1/webhook_endpoints/:id/deliveries — the endpoint's delivery log with every try
import { withApiKey } from "@/lib/http/with-api-key";
import { ListWebhookDeliveriesQuery } from "@/lib/webhooks/inputs";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";

export const GET = withApiKey({ route: "/api/v1/webhook_endpoints/:id/deliveries", query: ListWebhookDeliveriesQuery }, ({ ctx, params, query, url }) =>
  listWebhookDeliveries({ ctx, endpointId: String(params.id), input: query, url: url.pathname }),
);
