// POST /api/v1/payments/:id/capture — capture all or part of an authorisation
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { capturePayment } from "@/lib/payments/capture-payment";

export const POST = withApiKey(operation("POST /api/v1/payments/:id/capture"), ({ ctx, body, params }) =>
  capturePayment({ ctx, id: String(params.id), input: body }),
);
