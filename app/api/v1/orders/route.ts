// POST /api/v1/orders — create an order and start its saga; GET /api/v1/orders — list orders
import { withApiKey } from "@/lib/http/with-api-key";
import { createOrder } from "@/lib/orders/create-order";
import { CreateOrderInput, ListOrdersQuery } from "@/lib/orders/inputs";
import { listOrders } from "@/lib/orders/list-orders";

export const POST = withApiKey({ route: "/api/v1/orders", body: CreateOrderInput }, ({ ctx, body }) => createOrder({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/orders", query: ListOrdersQuery }, ({ ctx, query, url }) =>
  listOrders({ ctx, input: query, url: url.pathname }),
);
