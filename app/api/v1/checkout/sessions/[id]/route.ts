// GET /api/v1/checkout/sessions/:id — one checkout session
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { getCheckoutSession } from "@/lib/checkout/get-checkout-session";

export const GET = withApiKey(operation("GET /api/v1/checkout/sessions/:id"), ({ ctx, params, req }) =>
  getCheckoutSession({ ctx, id: String(params.id), baseUrl: publicBaseUrl(requestOrigin(req)) }),
);
