// POST /api/v1/payments — create (and optionally confirm) a payment; GET /api/v1/payments — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createPayment } from "@/lib/payments/create-payment";
import { listPayments } from "@/lib/payments/list-payments";

export const POST = withApiKey(operation("POST /api/v1/payments"), ({ ctx, body }) => createPayment({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/payments"), ({ ctx, query, url }) => listPayments({ ctx, input: query, url: url.pathname }));
