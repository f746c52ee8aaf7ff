// GET /api/v1/routing_rules — the mode's routing rules; POST /api/v1/routing_rules — replace them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getRoutingRules } from "@/lib/routing/get-routing-rules";
import { updateRoutingRules } from "@/lib/routing/update-routing-rules";

export const GET = withApiKey(operation("GET /api/v1/routing_rules"), ({ ctx }) => getRoutingRules({ ctx }));

export const POST = withApiKey(operation("POST /api/v1/routing_rules"), ({ ctx, body }) => updateRoutingRules({ ctx, input: body }));
