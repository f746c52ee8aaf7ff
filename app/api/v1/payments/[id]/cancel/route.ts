// POST /api/v1/payments/:id/cancel — cancel a payment that has not succeeded (releases a hold)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { cancelPayment } from "@/lib/payments/cancel-payment";

export const POST = withApiKey(operation("POST /api/v1/payments/:id/cancel"), ({ ctx, body, params }) =>
  cancelPayment({ ctx, id: String(params.id), input: body }),
);
