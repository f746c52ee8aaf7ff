// POST /api/v1/subscriptions/:id/cancel — end a subscription now (optionally prorating and invoicing at once)
import { withApiKey } from "@/lib/http/with-api-key";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { CancelSubscriptionInput } from "@/lib/subscriptions/inputs";

export const POST = withApiKey({ route: "/api/v1/subscriptions/:id/cancel", body: CancelSubscriptionInput }, ({ ctx, body, params }) =>
  cancelSubscription({ ctx, id: String(params.id), input: body }),
);
