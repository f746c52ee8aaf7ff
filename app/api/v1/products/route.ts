// POST /api/v1/products — create a product; GET /api/v1/products — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createProduct } from "@/lib/products/create-product";
import { listProducts } from "@/lib/products/list-products";

export const POST = withApiKey(operation("POST /api/v1/products"), ({ ctx, body }) => createProduct({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/products"), ({ ctx, query, url }) => listProducts({ ctx, input: query, url: url.pathname }));
