// POST /api/v1/webhook_endpoints — register an endpoint; GET /api/v1/webhook_endpoints — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const POST = withApiKey(operation("POST /api/v1/webhook_endpoints"), ({ ctx, body }) => createWebhookEndpoint({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/webhook_endpoints"), ({ ctx, query, url }) =>
  listWebhookEndpoints({ ctx, input: query, url: url.pathname }),
);
