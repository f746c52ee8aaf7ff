// POST /api/v1/radar/value_list_items — add a value to a list; GET /api/v1/radar/value_list_items?value_list= — a list's items
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createValueListItem } from "@/lib/fraud/create-value-list-item";
import { listValueListItems } from "@/lib/fraud/list-value-list-items";

export const POST = withApiKey(operation("POST /api/v1/radar/value_list_items"), ({ ctx, body }) => createValueListItem({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/radar/value_list_items"), ({ ctx, query, url }) =>
  listValueListItems({ ctx, input: query, url: url.pathname }),
);
