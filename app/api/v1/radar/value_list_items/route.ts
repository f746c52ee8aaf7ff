// POST /api/v1/radar/value_list_items — add a value to a list; GET /api/v1/radar/value_list_items?value_list= — a list's items
import { withApiKey } from "@/lib/http/with-api-key";
import { createValueListItem } from "@/lib/fraud/create-value-list-item";
import { listValueListItems } from "@/lib/fraud/list-value-list-items";
import { CreateValueListItemInput, ListValueListItemsQuery } from "@/lib/fraud/radar-inputs";

export const POST = withApiKey({ route: "/api/v1/radar/value_list_items", body: CreateValueListItemInput }, ({ ctx, body }) =>
  createValueListItem({ ctx, input: body }),
);

export const GET = withApiKey({ route: "/api/v1/radar/value_list_items", query: ListValueListItemsQuery }, ({ ctx, query, url }) =>
  listValueListItems({ ctx, input: query, url: url.pathname }),
);
