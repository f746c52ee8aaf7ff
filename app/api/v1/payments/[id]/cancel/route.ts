// POST /api/v1/payments/:id/cancel — cancel a payment that has not succeeded (releases a hold)
import { withApiKey } from "@/lib/http/with-api-key";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { CancelPaymentInput } from "@/lib/payments/inputs";

export const POST = withApiKey({ route: "/api/v1/payments/:id/cancel", body: CancelPaymentInput }, ({ ctx, body, params }) =>
  cancelPayment({ ctx, id: String(params.id), input: body }),
);
