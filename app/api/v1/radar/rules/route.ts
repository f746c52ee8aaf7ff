// POST /api/v1/radar/rules — create a rule from its source; GET /api/v1/radar/rules — list rules (every version)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createRule } from "@/lib/fraud/create-rule";
import { listRules } from "@/lib/fraud/list-rules";

export const POST = withApiKey(operation("POST /api/v1/radar/rules"), ({ ctx, body }) => createRule({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/radar/rules"), ({ ctx, query, url }) => listRules({ ctx, input: query, url: url.pathname }));
