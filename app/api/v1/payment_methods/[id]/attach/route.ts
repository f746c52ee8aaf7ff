// POST /api/v1/payment_methods/:id/attach — save a card to a customer
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { attachPaymentMethod } from "@/lib/customers/attach-payment-method";

export const POST = withApiKey(operation("POST /api/v1/payment_methods/:id/attach"), ({ ctx, body, params }) =>
  attachPaymentMethod({ ctx, id: String(params.id), input: body }),
);
