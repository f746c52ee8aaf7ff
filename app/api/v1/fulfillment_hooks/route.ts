// POST /api/v1/fulfillment_hooks — register the reserve/confirm/release URLs; GET /api/v1/fulfillment_hooks — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createFulfillmentHook } from "@/lib/orders/create-fulfillment-hook";
import { listFulfillmentHooks } from "@/lib/orders/list-fulfillment-hooks";

export const POST = withApiKey(operation("POST /api/v1/fulfillment_hooks"), ({ ctx, body }) => createFulfillmentHook({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/fulfillment_hooks"), ({ ctx, query, url }) =>
  listFulfillmentHooks({ ctx, input: query, url: url.pathname }),
);
