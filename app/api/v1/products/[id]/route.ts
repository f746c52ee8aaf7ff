// GET / POST /api/v1/products/:id — read or update a product (`active: false` archives it; there is no delete)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getProduct } from "@/lib/products/get-product";
import { updateProduct } from "@/lib/products/update-product";

export const GET = withApiKey(operation("GET /api/v1/products/:id"), ({ ctx, params }) => getProduct({ ctx, id: String(params.id) }));

export const POST = withApiKey(operation("POST /api/v1/products/:id"), ({ ctx, body, params }) => updateProduct({ ctx, id: String(params.id), input: body }));
