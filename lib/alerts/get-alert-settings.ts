import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { ALERT_WINDOW_MINUTES, bpToPercent, clearBelowBp, loadAlertSettings, type AlertSettings } from "./settings";
import type { z } from "zod";
import type { AlertSettingsObject as AlertSettingsSchema } from "./alert-object";

/** The API-style object of a mode's alert thresholds (rates as percentages). */
export function alertSettingsObject(s: AlertSettings, livemode: boolean) {
  return {
    object: "alert_settings" as const,
    livemode,
    failure_rate_threshold: bpToPercent(s.failureRateBp),
    timeout_rate_threshold: bpToPercent(s.timeoutRateBp),
    min_attempts: s.minAttempts,
    window_minutes: ALERT_WINDOW_MINUTES,
    /** An open alert clears at or under these (hysteresis). */
    failure_rate_clears_at: bpToPercent(clearBelowBp(s.failureRateBp)),
    timeout_rate_clears_at: bpToPercent(clearBelowBp(s.timeoutRateBp)),
  } satisfies z.input<typeof AlertSettingsSchema>;
}
export type AlertSettingsObject = ReturnType<typeof alertSettingsObject>;

/** The merchant's alert thresholds in the context's mode (the defaults until saved); every role reads them. */
export async function getAlertSettings({ ctx }: { ctx: ServiceContext }): Promise<AlertSettingsObject> {
  requirePermission(ctx, "account:read");
  return alertSettingsObject(await loadAlertSettings(await executor(ctx), ctx), ctx.livemode);
}
