// GET / POST / DELETE /api/v1/radar/rules/:id — read a rule, make its next version, or disable it
import { withApiKey } from "@/lib/http/with-api-key";
import { disableRule } from "@/lib/fraud/disable-rule";
import { getRule } from "@/lib/fraud/get-rule";
import { UpdateRuleInput } from "@/lib/fraud/radar-inputs";
import { updateRule } from "@/lib/fraud/update-rule";

const route = "/api/v1/radar/rules/:id";

export const GET = withApiKey({ route }, ({ ctx, params }) => getRule({ ctx, id: String(params.id) }));

export const POST = withApiKey({ route, body: UpdateRuleInput }, ({ ctx, body, params }) => updateRule({ ctx, id: String(params.id), input: body }));

export const DELETE = withApiKey({ route }, ({ ctx, params }) => disableRule({ ctx, id: String(params.id) }));
