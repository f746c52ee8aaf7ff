// POST /api/v1/setup_intents — save a customer's card for later (confirmed at once)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createSetupIntent } from "@/lib/customers/create-setup-intent";

export const POST = withApiKey(operation("POST /api/v1/setup_intents"), ({ ctx, body }) => createSetupIntent({ ctx, input: body }));
