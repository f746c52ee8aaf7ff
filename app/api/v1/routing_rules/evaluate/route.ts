// POST /api/v1/routing_rules/evaluate — which connector a payment would use
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { evaluateRouting } from "@/lib/routing/evaluate-routing";

export const POST = withApiKey(operation("POST /api/v1/routing_rules/evaluate"), ({ ctx, body }) => evaluateRouting({ ctx, input: body }));
