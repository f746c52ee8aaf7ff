// POST /api/v1/webhook_endpoints/:id/test — send a webhook_endpoint.test event to this endpoint
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const POST = withApiKey(operation("POST /api/v1/webhook_endpoints/:id/test"), ({ ctx, params }) => sendTestEvent({ ctx, id: String(params.id) }));
