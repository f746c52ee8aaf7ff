// GET / POST /api/v1/products/:id — read or update a product (`active: false` archives it; there is no delete)
import { withApiKey } from "@/lib/http/with-api-key";
import { getProduct } from "@/lib/products/get-product";
import { UpdateProductInput } from "@/lib/products/inputs";
import { updateProduct } from "@/lib/products/update-product";

const route = "/api/v1/products/:id";

export const GET = withApiKey({ route }, ({ ctx, params }) => getProduct({ ctx, id: String(params.id) }));

export const POST = withApiKey({ route, body: UpdateProductInput }, ({ ctx, body, params }) => updateProduct({ ctx, id: String(params.id), input: body }));
