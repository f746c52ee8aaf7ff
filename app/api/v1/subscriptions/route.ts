// POST /api/v1/subscriptions — subscribe a customer to recurring prices; GET /api/v1/subscriptions — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";

export const POST = withApiKey(operation("POST /api/v1/subscriptions"), ({ ctx, body }) => createSubscription({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/subscriptions"), ({ ctx, query, url }) => listSubscriptions({ ctx, input: query, url: url.pathname }));
