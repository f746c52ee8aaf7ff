// POST /api/v1/subscriptions — subscribe a customer to recurring prices; GET /api/v1/subscriptions — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { CreateSubscriptionInput, ListSubscriptionsQuery } from "@/lib/subscriptions/inputs";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";

export const POST = withApiKey({ route: "/api/v1/subscriptions", body: CreateSubscriptionInput }, ({ ctx, body }) => createSubscription({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/subscriptions", query: ListSubscriptionsQuery }, ({ ctx, query, url }) =>
  listSubscriptions({ ctx, input: query, url: url.pathname }),
);
