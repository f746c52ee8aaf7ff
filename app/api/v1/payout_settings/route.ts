// GET / POST /api/v1/payout_settings — the payout schedule of this mode (manual, daily, weekly, monthly)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getPayoutSettings, updatePayoutSettings } from "@/lib/payouts/payout-settings";

export const GET = withApiKey(operation("GET /api/v1/payout_settings"), ({ ctx }) => getPayoutSettings({ ctx }));

export const POST = withApiKey(operation("POST /api/v1/payout_settings"), ({ ctx, body }) => updatePayoutSettings({ ctx, input: body }));
