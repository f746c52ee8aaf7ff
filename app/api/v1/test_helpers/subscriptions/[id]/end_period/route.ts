// POST /api/v1/test_helpers/subscriptions/:id/end_period — test mode: end the current period now, so it renews at once
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { endPeriodNow } from "@/lib/subscriptions/end-period-now";

export const POST = withApiKey(operation("POST /api/v1/test_helpers/subscriptions/:id/end_period"), ({ ctx, params }) =>
  endPeriodNow({ ctx, id: String(params.id) }),
);
