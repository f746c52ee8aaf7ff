// GET / DELETE /api/v1/radar/value_lists/:id — read a value list with its newest items, or delete it and its items
import { withApiKey } from "@/lib/http/with-api-key";
import { deleteValueList } from "@/lib/fraud/delete-value-list";
import { getValueList } from "@/lib/fraud/get-value-list";

const route = "/api/v1/radar/value_lists/:id";

export const GET = withApiKey({ route }, ({ ctx, params }) => getValueList({ ctx, id: String(params.id) }));

export const DELETE = withApiKey({ route }, ({ ctx, params }) => deleteValueList({ ctx, id: String(params.id) }));
