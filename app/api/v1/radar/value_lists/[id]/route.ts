// GET / DELETE /api/v1/radar/value_lists/:id — read a value list with its newest items, or delete it and its items
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { deleteValueList } from "@/lib/fraud/delete-value-list";
import { getValueList } from "@/lib/fraud/get-value-list";

export const GET = withApiKey(operation("GET /api/v1/radar/value_lists/:id"), ({ ctx, params }) => getValueList({ ctx, id: String(params.id) }));

export const DELETE = withApiKey(operation("DELETE /api/v1/radar/value_lists/:id"), ({ ctx, params }) => deleteValueList({ ctx, id: String(params.id) }));
