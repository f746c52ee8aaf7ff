// POST /api/v1/radar/rules — create a rule from its source; GET /api/v1/radar/rules — list rules (every version)
import { withApiKey } from "@/lib/http/with-api-key";
import { createRule } from "@/lib/fraud/create-rule";
import { listRules } from "@/lib/fraud/list-rules";
import { CreateRuleInput, ListRulesQuery } from "@/lib/fraud/radar-inputs";

export const POST = withApiKey({ route: "/api/v1/radar/rules", body: CreateRuleInput }, ({ ctx, body }) => createRule({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/radar/rules", query: ListRulesQuery }, ({ ctx, query, url }) =>
  listRules({ ctx, input: query, url: url.pathname }),
);
