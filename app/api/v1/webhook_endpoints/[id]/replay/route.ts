// POST /api/v1/webhook_endpoints/:id/replay — send again every failed delivery created in [from, to]
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { replayFailedDeliveries } from "@/lib/webhooks/replay-failed-deliveries";

export const POST = withApiKey(operation("POST /api/v1/webhook_endpoints/:id/replay"), ({ ctx, body, params }) =>
  replayFailedDeliveries({ ctx, endpointId: String(params.id), input: body }),
);
