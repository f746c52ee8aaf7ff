// POST /api/v1/products — create a product; GET /api/v1/products — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { createProduct } from "@/lib/products/create-product";
import { CreateProductInput, ListProductsQuery } from "@/lib/products/inputs";
import { listProducts } from "@/lib/products/list-products";

export const POST = withApiKey({ route: "/api/v1/products", body: CreateProductInput }, ({ ctx, body }) => createProduct({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/products", query: ListProductsQuery }, ({ ctx, query, url }) =>
  listProducts({ ctx, input: query, url: url.pathname }),
);
