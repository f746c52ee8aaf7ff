// POST /api/v1/webhook_endpoints — register an endpoint; GET /api/v1/webhook_endpoints — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { CreateWebhookEndpointInput, ListWebhookEndpointsQuery } from "@/lib/webhooks/inputs";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const POST = withApiKey({ route: "/api/v1/webhook_endpoints", body: CreateWebhookEndpointInput }, ({ ctx, body }) =>
  createWebhookEndpoint({ ctx, input: body }),
);

export const GET = withApiKey({ route: "/api/v1/webhook_endpoints", query: ListWebhookEndpointsQuery }, ({ ctx, query, url }) =>
  listWebhookEndpoints({ ctx, input: query, url: url.pathname }),
);
