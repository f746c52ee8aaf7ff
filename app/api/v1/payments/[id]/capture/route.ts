// POST /api/v1/payments/:id/capture — capture all or part of an authorisation
import { withApiKey } from "@/lib/http/with-api-key";
import { capturePayment } from "@/lib/payments/capture-payment";
import { CapturePaymentInput } from "@/lib/payments/inputs";

export const POST = withApiKey({ route: "/api/v1/payments/:id/capture", body: CapturePaymentInput }, ({ ctx, body, params }) =>
  capturePayment({ ctx, id: String(params.id), input: body }),
);
