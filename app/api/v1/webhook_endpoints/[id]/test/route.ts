// POST /api/v1/webhook_endpoints/:id/test — send a webhook_endpoint.test event to this endpoint
import { withApiKey } from "@/lib/http/with-api-key";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const POST = withApiKey({ route: "/api/v1/webhook_endpoints/:id/test" }, ({ ctx, params }) => sendTestEvent({ ctx, id: String(params.id) }));
