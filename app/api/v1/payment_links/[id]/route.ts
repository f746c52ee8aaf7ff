// GET /api/v1/payment_links/:id — one link; POST /api/v1/payment_links/:id — { active } turns it off or on
import { withApiKey } from "@/lib/http/with-api-key";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { getPaymentLink } from "@/lib/payment-links/get-payment-link";
import { UpdatePaymentLinkInput } from "@/lib/payment-links/inputs";
import { updatePaymentLink } from "@/lib/payment-links/update-payment-link";

export const GET = withApiKey({ route: "/api/v1/payment_links/:id" }, ({ ctx, params, req }) =>
  getPaymentLink({ ctx, id: String(params.id), baseUrl: publicBaseUrl(requestOrigin(req)) }),
);

export const POST = withApiKey({ route: "/api/v1/payment_links/:id", body: UpdatePaymentLinkInput }, ({ ctx, params, body, req }) =>
  updatePaymentLink({ ctx, id: String(params.id), input: body, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);
