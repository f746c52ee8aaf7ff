// GET / POST /api/v1/subscriptions/:id — read or update a subscription (items with proration, default card, cancel_at_period_end, metadata)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getSubscription } from "@/lib/subscriptions/get-subscription";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";

export const GET = withApiKey(operation("GET /api/v1/subscriptions/:id"), ({ ctx, params }) => getSubscription({ ctx, id: String(params.id) }));

export const POST = withApiKey(operation("POST /api/v1/subscriptions/:id"), ({ ctx, body, params }) =>
  updateSubscription({ ctx, id: String(params.id), input: body }),
);
