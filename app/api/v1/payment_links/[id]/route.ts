// GET /api/v1/payment_links/:id — one link; POST /api/v1/payment_links/:id — { active } turns it off or on
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { getPaymentLink } from "@/lib/payment-links/get-payment-link";
import { updatePaymentLink } from "@/lib/payment-links/update-payment-link";

export const GET = withApiKey(operation("GET /api/v1/payment_links/:id"), ({ ctx, params, req }) =>
  getPaymentLink({ ctx, id: String(params.id), baseUrl: publicBaseUrl(requestOrigin(req)) }),
);

export const POST = withApiKey(operation("POST /api/v1/payment_links/:id"), ({ ctx, params, body, req }) =>
  updatePaymentLink({ ctx, id: String(params.id), input: body, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);
