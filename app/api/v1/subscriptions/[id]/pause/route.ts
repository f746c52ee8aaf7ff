// POST /api/v1/subscriptions/:id/pause — stop billing until resumed
import { withApiKey } from "@/lib/http/with-api-key";
import { pauseSubscription } from "@/lib/subscriptions/pause-subscription";

export const POST = withApiKey({ route: "/api/v1/subscriptions/:id/pause" }, ({ ctx, params }) => pauseSubscription({ ctx, id: String(params.id) }));
