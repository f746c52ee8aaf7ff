// Alerts: the API's operations (lib/openapi/operations.ts)
import { AlertSettingsInput } from "@/lib/alerts/update-alert-settings";
import type { OperationEntries } from "../operation-types";

export const alertsOperations = {
  "GET /api/v1/alert_settings": {
    summary: "Retrieve the alert settings",
    description: "The mode's alert thresholds.",
    tag: "Alerts",
    auth: "secret",
    permission: "account:read",
    response: "AlertSettings",
    idempotent: false,
  },
  "POST /api/v1/alert_settings": {
    summary: "Update the alert settings",
    description: "Change the mode's alert thresholds.",
    tag: "Alerts",
    auth: "secret",
    permission: "account:write",
    body: AlertSettingsInput,
    response: "AlertSettings",
    idempotent: true,
  },
  "GET /api/v1/alerts": {
    summary: "List open alerts",
    description: "The mode's open alerts (at most one per kind).",
    tag: "Alerts",
    auth: "secret",
    permission: "account:read",
    response: { list: "Alert" },
    idempotent: false,
  },
} as const satisfies OperationEntries;
