// GET /api/v1/payments/:id — one payment
import { withApiKey } from "@/lib/api/with-api-key";
import { getPayment } from "@/lib/payments/get-payment";

export const GET = withApiKey({ route: "/api/v1/payments/:id" }, ({ ctx, params }) => getPayment({ ctx, id: String(params.id) }));
