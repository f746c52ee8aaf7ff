// POST /api/v1/prices — create a price of a product; GET /api/v1/prices — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { createPrice } from "@/lib/products/create-price";
import { CreatePriceInput, ListPricesQuery } from "@/lib/products/inputs";
import { listPrices } from "@/lib/products/list-prices";

export const POST = withApiKey({ route: "/api/v1/prices", body: CreatePriceInput }, ({ ctx, body }) => createPrice({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/prices", query: ListPricesQuery }, ({ ctx, query, url }) =>
  listPrices({ ctx, input: query, url: url.pathname }),
);
