import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertSettings, type AlertSettingsRow } from "@/db/schema";

/** The trailing window every rate is computed over. */
export const ALERT_WINDOW_MINUTES = 15;
/** Defaults: a failure rate above 10%, timeouts above 5%, and at least 20 counted attempts in the window. */
export const DEFAULT_FAILURE_RATE_BP = 1000;
export const DEFAULT_TIMEOUT_RATE_BP = 500;
export const DEFAULT_MIN_ATTEMPTS = 20;
export const MAX_MIN_ATTEMPTS = 100_000;
/**
 * Hysteresis: an open alert clears only once its rate is at or under 80% of the threshold (10% → 8%),
 * so a rate hovering around the threshold does not open and clear an alert every minute.
 */
export const CLEAR_RATIO_PERCENT = 80;

export type AlertSettings = Pick<AlertSettingsRow, "failureRateBp" | "timeoutRateBp" | "minAttempts">;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  failureRateBp: DEFAULT_FAILURE_RATE_BP,
  timeoutRateBp: DEFAULT_TIMEOUT_RATE_BP,
  minAttempts: DEFAULT_MIN_ATTEMPTS,
};

export async function loadAlertSettings(db: Executor, ctx: { merchantId: string; livemode: boolean }): Promise<AlertSettings> {
  const [row] = await db
    .select()
    .from(alertSettings)
    .where(and(eq(alertSettings.merchantId, ctx.merchantId), eq(alertSettings.livemode, ctx.livemode)));
  return row ?? DEFAULT_ALERT_SETTINGS;
}

/** The rate at or under which an open alert clears (basis points). */
export const clearBelowBp = (thresholdBp: number) => Math.floor((thresholdBp * CLEAR_RATIO_PERCENT) / 100);

/** Basis points → a percentage for people and the API (1,250 → 12.5). */
export const bpToPercent = (bp: number) => bp / 100;
