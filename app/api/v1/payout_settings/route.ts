// GET / POST /api/v1/payout_settings — the payout schedule of this mode (manual, daily, weekly, monthly)
import { withApiKey } from "@/lib/http/with-api-key";
import { UpdatePayoutSettingsInput } from "@/lib/payouts/inputs";
import { getPayoutSettings, updatePayoutSettings } from "@/lib/payouts/payout-settings";

const route = "/api/v1/payout_settings";

export const GET = withApiKey({ route }, ({ ctx }) => getPayoutSettings({ ctx }));

export const POST = withApiKey({ route, body: UpdatePayoutSettingsInput }, ({ ctx, body }) => updatePayoutSettings({ ctx, input: body }));
