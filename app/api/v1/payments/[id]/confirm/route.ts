// POST /api/v1/payments/:id/confirm — authorise the payment with its payment method
import { withApiKey } from "@/lib/http/with-api-key";
import { confirmPayment } from "@/lib/payments/confirm-payment";
import { ConfirmPaymentInput } from "@/lib/payments/inputs";

export const POST = withApiKey({ route: "/api/v1/payments/:id/confirm", body: ConfirmPaymentInput }, ({ ctx, body, params }) =>
  confirmPayment({ ctx, id: String(params.id), input: body }),
);
