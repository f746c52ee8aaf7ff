// POST /api/v1/setup_intents — save a customer's card for later (confirmed at once)
import { withApiKey } from "@/lib/http/with-api-key";
import { createSetupIntent } from "@/lib/customers/create-setup-intent";
import { CreateSetupIntentInput } from "@/lib/customers/inputs";

export const POST = withApiKey({ route: "/api/v1/setup_intents", body: CreateSetupIntentInput }, ({ ctx, body }) => createSetupIntent({ ctx, input: body }));
