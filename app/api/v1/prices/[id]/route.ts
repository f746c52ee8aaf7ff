// GET / POST /api/v1/prices/:id — read or update a price (active, nickname, lookup_key, metadata; the amount never changes)
import { withApiKey } from "@/lib/http/with-api-key";
import { getPrice } from "@/lib/products/get-price";
import { UpdatePriceInput } from "@/lib/products/inputs";
import { updatePrice } from "@/lib/products/update-price";

const route = "/api/v1/prices/:id";

export const GET = withApiKey({ route }, ({ ctx, params }) => getPrice({ ctx, id: String(params.id) }));

export const POST = withApiKey({ route, body: UpdatePriceInput }, ({ ctx, body, params }) => updatePrice({ ctx, id: String(params.id), input: body }));
