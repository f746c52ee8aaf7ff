// GET /api/v1/orders/:id — one order with every step, try and compensation of its saga
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getOrder } from "@/lib/orders/get-order";

export const GET = withApiKey(operation("GET /api/v1/orders/:id"), ({ ctx, params }) => getOrder({ ctx, id: String(params.id) }));
