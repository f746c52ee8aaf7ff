// GET /api/v1/alert_settings — the mode's alert thresholds; POST /api/v1/alert_settings — change them
import { getAlertSettings } from "@/lib/alerts/get-alert-settings";
import { updateAlertSettings } from "@/lib/alerts/update-alert-settings";
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";

export const GET = withApiKey(operation("GET /api/v1/alert_settings"), ({ ctx }) => getAlertSettings({ ctx }));

export const POST = withApiKey(operation("POST /api/v1/alert_settings"), ({ ctx, body }) => updateAlertSettings({ ctx, input: body }));
