// POST /api/v1/payment_links — create a reusable payment link; GET /api/v1/payment_links — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";

export const POST = withApiKey(operation("POST /api/v1/payment_links"), ({ ctx, body, req }) =>
  createPaymentLink({ ctx, input: body, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);

export const GET = withApiKey(operation("GET /api/v1/payment_links"), ({ ctx, query, req, url }) =>
  listPaymentLinks({ ctx, input: query, url: url.pathname, baseUrl: publicBaseUrl(requestOrigin(req)) }),
);
