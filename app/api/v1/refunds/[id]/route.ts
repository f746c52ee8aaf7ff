// GET /api/v1/refunds/:id — one refund
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getRefund } from "@/lib/refunds/get-refund";

export const GET = withApiKey(operation("GET /api/v1/refunds/:id"), ({ ctx, params }) => getRefund({ ctx, id: String(params.id) }));
