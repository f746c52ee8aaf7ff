// POST /api/v1/payments/:id/confirm — authorise the payment with its payment method
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { confirmPayment } from "@/lib/payments/confirm-payment";

export const POST = withApiKey(operation("POST /api/v1/payments/:id/confirm"), ({ ctx, body, params }) =>
  confirmPayment({ ctx, id: String(params.id), input: body }),
);
