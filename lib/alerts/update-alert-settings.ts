import { z } from "zod";
import { alertSettings } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { alertSettingsObject, type AlertSettingsObject } from "./get-alert-settings";
import { loadAlertSettings, MAX_MIN_ATTEMPTS } from "./settings";

/** A percentage above 0 and at most 100, to two decimals (stored as basis points); refused as parameter_invalid. */
const percent = z
  .number()
  .refine((n) => n > 0 && n <= 100, "must be above 0 and at most 100")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "must have at most two decimals");

export const AlertSettingsInput = z.strictObject({
  failure_rate_threshold: percent,
  timeout_rate_threshold: percent,
  min_attempts: z.number().int().min(1).max(MAX_MIN_ATTEMPTS),
});

/**
 * Saves the merchant's alert thresholds for the context's mode (test and live are separate rows); the
 * next evaluation uses them. Owners and admins only (account:write); an audit row records before and after.
 */
export async function updateAlertSettings({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<AlertSettingsObject> {
  requirePermission(ctx, "account:write");
  const data = parseWith(AlertSettingsInput, input);
  return commit(ctx, async (tx, changes) => {
    const before = await loadAlertSettings(tx, ctx);
    const set = {
      failureRateBp: Math.round(data.failure_rate_threshold * 100),
      timeoutRateBp: Math.round(data.timeout_rate_threshold * 100),
      minAttempts: data.min_attempts,
    };
    await tx
      .insert(alertSettings)
      .values({ merchantId: ctx.merchantId, livemode: ctx.livemode, ...set })
      .onConflictDoUpdate({ target: [alertSettings.merchantId, alertSettings.livemode], set: { ...set, updatedAt: new Date() } });
    changes.audit({
      action: "alert_settings.updated",
      targetType: "merchant",
      targetId: ctx.merchantId,
      metadata: {
        before: { failureRateBp: before.failureRateBp, timeoutRateBp: before.timeoutRateBp, minAttempts: before.minAttempts },
        after: set,
      },
    });
    return alertSettingsObject(set, ctx.livemode);
  });
}
