// POST /api/v1/orders — create an order and start its saga; GET /api/v1/orders — list orders
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createOrder } from "@/lib/orders/create-order";
import { listOrders } from "@/lib/orders/list-orders";

export const POST = withApiKey(operation("POST /api/v1/orders"), ({ ctx, body }) => createOrder({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/orders"), ({ ctx, query, url }) => listOrders({ ctx, input: query, url: url.pathname }));
