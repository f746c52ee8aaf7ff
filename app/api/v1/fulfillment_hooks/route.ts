// POST /api/v1/fulfillment_hooks — register the reserve/confirm/release URLs; GET /api/v1/fulfillment_hooks — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { createFulfillmentHook } from "@/lib/orders/create-fulfillment-hook";
import { CreateFulfillmentHookInput, ListFulfillmentHooksQuery } from "@/lib/orders/inputs";
import { listFulfillmentHooks } from "@/lib/orders/list-fulfillment-hooks";

export const POST = withApiKey({ route: "/api/v1/fulfillment_hooks", body: CreateFulfillmentHookInput }, ({ ctx, body }) =>
  createFulfillmentHook({ ctx, input: body }),
);

export const GET = withApiKey({ route: "/api/v1/fulfillment_hooks", query: ListFulfillmentHooksQuery }, ({ ctx, query, url }) =>
  listFulfillmentHooks({ ctx, input: query, url: url.pathname }),
);
