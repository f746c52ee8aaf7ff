// POST /api/v1/subscriptions/:id/pause — stop billing until resumed
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { pauseSubscription } from "@/lib/subscriptions/pause-subscription";

export const POST = withApiKey(operation("POST /api/v1/subscriptions/:id/pause"), ({ ctx, params }) => pauseSubscription({ ctx, id: String(params.id) }));
