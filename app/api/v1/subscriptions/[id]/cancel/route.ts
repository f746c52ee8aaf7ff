// POST /api/v1/subscriptions/:id/cancel — end a subscription now (optionally prorating and invoicing at once)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";

export const POST = withApiKey(operation("POST /api/v1/subscriptions/:id/cancel"), ({ ctx, body, params }) =>
  cancelSubscription({ ctx, id: String(params.id), input: body }),
);
