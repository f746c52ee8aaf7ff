// GET / PATCH / DELETE /api/v1/webhook_endpoints/:id — read, change or remove an endpoint
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/webhooks/list-webhook-endpoints";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

export const GET = withApiKey(operation("GET /api/v1/webhook_endpoints/:id"), ({ ctx, params }) => getWebhookEndpoint({ ctx, id: String(params.id) }));

export const PATCH = withApiKey(operation("PATCH /api/v1/webhook_endpoints/:id"), ({ ctx, body, params }) =>
  updateWebhookEndpoint({ ctx, id: String(params.id), input: body }),
);

export const DELETE = withApiKey(operation("DELETE /api/v1/webhook_endpoints/:id"), ({ ctx, params }) => deleteWebhookEndpoint({ ctx, id: String(params.id) }));
