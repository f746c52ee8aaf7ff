// GET /api/v1/setup_intents/:id — one setup
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getSetupIntent } from "@/lib/customers/get-setup-intent";

export const GET = withApiKey(operation("GET /api/v1/setup_intents/:id"), ({ ctx, params }) => getSetupIntent({ ctx, id: String(params.id) }));
