// GET /api/v1/payments/:id — one payment
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getPayment } from "@/lib/payments/get-payment";

export const GET = withApiKey(operation("GET /api/v1/payments/:id"), ({ ctx, params }) => getPayment({ ctx, id: String(params.id) }));
