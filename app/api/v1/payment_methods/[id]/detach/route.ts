// POST /api/v1/payment_methods/:id/detach — remove a saved card from its customer
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { detachPaymentMethod } from "@/lib/customers/detach-payment-method";

export const POST = withApiKey(operation("POST /api/v1/payment_methods/:id/detach"), ({ ctx, body, params }) =>
  detachPaymentMethod({ ctx, id: String(params.id), input: body }),
);
