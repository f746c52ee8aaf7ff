// POST /api/v1/radar/value_lists — create a value list; GET /api/v1/radar/value_lists — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { createValueList } from "@/lib/fraud/create-value-list";
import { listValueLists } from "@/lib/fraud/list-value-lists";
import { CreateValueListInput, ListValueListsQuery } from "@/lib/fraud/radar-inputs";

export const POST = withApiKey({ route: "/api/v1/radar/value_lists", body: CreateValueListInput }, ({ ctx, body }) => createValueList({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/radar/value_lists", query: ListValueListsQuery }, ({ ctx, query, url }) =>
  listValueLists({ ctx, input: query, url: url.pathname }),
);
