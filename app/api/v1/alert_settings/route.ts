// GET /api/v1/alert_settings — the mode's alert thresholds; POST /api/v1/alert_settings — change them
import { getAlertSettings } from "@/lib/alerts/get-alert-settings";
import { AlertSettingsInput, updateAlertSettings } from "@/lib/alerts/update-alert-settings";
import { withApiKey } from "@/lib/http/with-api-key";

export const GET = withApiKey({ route: "/api/v1/alert_settings" }, ({ ctx }) => getAlertSettings({ ctx }));

export const POST = withApiKey({ route: "/api/v1/alert_settings", body: AlertSettingsInput }, ({ ctx, body }) => updateAlertSettings({ ctx, input: body }));
