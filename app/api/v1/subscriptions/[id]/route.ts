// GET / POST /api/v1/subscriptions/:id — read or update a subscription (items with proration, default card, cancel_at_period_end, metadata)
import { withApiKey } from "@/lib/http/with-api-key";
import { getSubscription } from "@/lib/subscriptions/get-subscription";
import { UpdateSubscriptionInput } from "@/lib/subscriptions/inputs";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";

const route = "/api/v1/subscriptions/:id";

export const GET = withApiKey({ route }, ({ ctx, params }) => getSubscription({ ctx, id: String(params.id) }));

export const POST = withApiKey({ route, body: UpdateSubscriptionInput }, ({ ctx, body, params }) =>
  updateSubscription({ ctx, id: String(params.id), input: body }),
);
