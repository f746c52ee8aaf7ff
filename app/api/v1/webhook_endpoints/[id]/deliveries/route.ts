// GET /api/v1/webhook_endpoints/:id/deliveries — the endpoint's delivery log with every try
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";

export const GET = withApiKey(operation("GET /api/v1/webhook_endpoints/:id/deliveries"), ({ ctx, params, query, url }) =>
  listWebhookDeliveries({ ctx, endpointId: String(params.id), input: query, url: url.pathname }),
);
