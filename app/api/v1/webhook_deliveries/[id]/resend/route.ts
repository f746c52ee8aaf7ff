// POST /api/v1/webhook_deliveries/:id/resend — deliver one event again (same webhook-id)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";

export const POST = withApiKey(operation("POST /api/v1/webhook_deliveries/:id/resend"), ({ ctx, params }) =>
  resendWebhookDelivery({ ctx, id: String(params.id) }),
);
