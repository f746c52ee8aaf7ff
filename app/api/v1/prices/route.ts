// POST /api/v1/prices — create a price of a product; GET /api/v1/prices — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createPrice } from "@/lib/products/create-price";
import { listPrices } from "@/lib/products/list-prices";

export const POST = withApiKey(operation("POST /api/v1/prices"), ({ ctx, body }) => createPrice({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/prices"), ({ ctx, query, url }) => listPrices({ ctx, input: query, url: url.pathname }));
