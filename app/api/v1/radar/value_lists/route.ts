// POST /api/v1/radar/value_lists — create a value list; GET /api/v1/radar/value_lists — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createValueList } from "@/lib/fraud/create-value-list";
import { listValueLists } from "@/lib/fraud/list-value-lists";

export const POST = withApiKey(operation("POST /api/v1/radar/value_lists"), ({ ctx, body }) => createValueList({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/radar/value_lists"), ({ ctx, query, url }) => listValueLists({ ctx, input: query, url: url.pathname }));
