// DELETE /api/v1/fulfillment_hooks/:id — remove a fulfilment hook
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { deleteFulfillmentHook } from "@/lib/orders/delete-fulfillment-hook";

export const DELETE = withApiKey(operation("DELETE /api/v1/fulfillment_hooks/:id"), ({ ctx, params }) => deleteFulfillmentHook({ ctx, id: String(params.id) }));
