// POST /api/v1/payment_links/:id/deactivate — the link stops starting checkouts (same as { active: false })
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { updatePaymentLink } from "@/lib/payment-links/update-payment-link";

export const POST = withApiKey(operation("POST /api/v1/payment_links/:id/deactivate"), ({ ctx, params, req }) =>
  updatePaymentLink({ ctx, id: String(params.id), input: { active: false }, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);
