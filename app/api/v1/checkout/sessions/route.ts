// POST /api/v1/checkout/sessions — create a checkout session (a hosted page where a customer pays)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";

export const POST = withApiKey(operation("POST /api/v1/checkout/sessions"), ({ ctx, body, req }) =>
  createCheckoutSession({ ctx, input: body, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);
