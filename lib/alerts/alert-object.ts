// The API's `alert` and `alert_settings` (lib/alerts/serialize-alert.ts and get-alert-settings.ts type their answers by these).
import { ALERT_KINDS } from "@/db/schema/alerts";
import { idOf, livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

const percent = (description: string) =>
  z
    .number()
    .min(0)
    .max(100)
    .openapi({ description: `${description} (a percentage, e.g. 12.5).` });

export const AlertObject = z
  .strictObject({
    id: idOf("alert"),
    object: z.literal("alert"),
    livemode: livemode(),
    kind: z.enum(ALERT_KINDS),
    status: z.enum(["open", "resolved"]),
    value: percent("The rate that opened it"),
    threshold: percent("The threshold it exceeded"),
    window_minutes: z.int(),
    attempts: z.int().openapi({ description: "Counted attempts in the window when it opened." }),
    matching_attempts: z.int().openapi({ description: "The failed (or timed-out) ones among them." }),
    opened_at: unixTime("Opened").nullable(),
    resolved_at: unixTime("Resolved").nullable(),
    resolved_value: percent("The rate when it cleared").nullable(),
  })
  .openapi("Alert", { description: "A payment failure-rate or processor timeout-rate alert." });

export const AlertSettingsObject = z
  .strictObject({
    object: z.literal("alert_settings"),
    livemode: livemode(),
    failure_rate_threshold: percent("An alert opens above this failure rate"),
    timeout_rate_threshold: percent("An alert opens above this timeout rate"),
    min_attempts: z.int().openapi({ description: "Fewer counted attempts in the window: no alert opens." }),
    window_minutes: z.int(),
    failure_rate_clears_at: percent("An open failure-rate alert clears at or under this"),
    timeout_rate_clears_at: percent("An open timeout-rate alert clears at or under this"),
  })
  .openapi("AlertSettings", { description: "A mode's alert thresholds." });
