// GET /api/v1/payment_methods/:id — one saved card
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getPaymentMethod } from "@/lib/customers/list-payment-methods";

export const GET = withApiKey(operation("GET /api/v1/payment_methods/:id"), ({ ctx, params }) => getPaymentMethod({ ctx, id: String(params.id) }));
