// GET / POST /api/v1/prices/:id — read or update a price (active, nickname, lookup_key, metadata; the amount never changes)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getPrice } from "@/lib/products/get-price";
import { updatePrice } from "@/lib/products/update-price";

export const GET = withApiKey(operation("GET /api/v1/prices/:id"), ({ ctx, params }) => getPrice({ ctx, id: String(params.id) }));

export const POST = withApiKey(operation("POST /api/v1/prices/:id"), ({ ctx, body, params }) => updatePrice({ ctx, id: String(params.id), input: body }));
