// POST /api/v1/webhook_endpoints/:id/rotate_secret — a new signing secret; the old one signs too for 24 h
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";

export const POST = withApiKey(operation("POST /api/v1/webhook_endpoints/:id/rotate_secret"), ({ ctx, params }) =>
  rotateWebhookSecret({ ctx, id: String(params.id) }),
);
