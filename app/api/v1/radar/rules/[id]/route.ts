// GET / POST / DELETE /api/v1/radar/rules/:id — read a rule, make its next version, or disable it
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { disableRule } from "@/lib/fraud/disable-rule";
import { getRule } from "@/lib/fraud/get-rule";
import { updateRule } from "@/lib/fraud/update-rule";

export const GET = withApiKey(operation("GET /api/v1/radar/rules/:id"), ({ ctx, params }) => getRule({ ctx, id: String(params.id) }));

export const POST = withApiKey(operation("POST /api/v1/radar/rules/:id"), ({ ctx, body, params }) => updateRule({ ctx, id: String(params.id), input: body }));

export const DELETE = withApiKey(operation("DELETE /api/v1/radar/rules/:id"), ({ ctx, params }) => disableRule({ ctx, id: String(params.id) }));
