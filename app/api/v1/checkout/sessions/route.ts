// POST /api/v1/checkout/sessions — create a checkout session (a hosted page where a customer pays)
import { withApiKey } from "@/lib/http/with-api-key";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { CreateCheckoutSessionInput } from "@/lib/checkout/inputs";

export const POST = withApiKey({ route: "/api/v1/checkout/sessions", body: CreateCheckoutSessionInput }, ({ ctx, body, req }) =>
  createCheckoutSession({ ctx, input: body, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);
