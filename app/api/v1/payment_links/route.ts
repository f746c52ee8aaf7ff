// POST /api/v1/payment_links — create a reusable payment link; GET /api/v1/payment_links — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { CreatePaymentLinkInput, ListPaymentLinksQuery } from "@/lib/payment-links/inputs";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";

export const POST = withApiKey({ route: "/api/v1/payment_links", body: CreatePaymentLinkInput }, ({ ctx, body, req }) =>
  createPaymentLink({ ctx, input: body, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);

export const GET = withApiKey({ route: "/api/v1/payment_links", query: ListPaymentLinksQuery }, ({ ctx, query, req, url }) =>
  listPaymentLinks({ ctx, input: query, url: url.pathname, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);
