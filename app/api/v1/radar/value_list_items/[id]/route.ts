// DELETE /api/v1/radar/value_list_items/:id — take a value off its list
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { deleteValueListItem } from "@/lib/fraud/delete-value-list-item";

export const DELETE = withApiKey(operation("DELETE /api/v1/radar/value_list_items/:id"), ({ ctx, params }) =>
  deleteValueListItem({ ctx, id: String(params.id) }),
);
