// GET / PATCH / DELETE /api/v1/webhook_endpoints/:id — read, change or remove an endpoint
import { withApiKey } from "@/lib/http/with-api-key";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { UpdateWebhookEndpointInput } from "@/lib/webhooks/inputs";
import { getWebhookEndpoint } from "@/lib/webhooks/list-webhook-endpoints";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

const route = "/api/v1/webhook_endpoints/:id";

export const GET = withApiKey({ route }, ({ ctx, params }) => getWebhookEndpoint({ ctx, id: String(params.id) }));

export const PATCH = withApiKey({ route, body: UpdateWebhookEndpointInput }, ({ ctx, body, params }) =>
  updateWebhookEndpoint({ ctx, id: String(params.id), input: body }),
);

export const DELETE = withApiKey({ route }, ({ ctx, params }) => deleteWebhookEndpoint({ ctx, id: String(params.id) }));
