import { WEEKLY_ANCHORS, type PayoutSettingsRow } from "@/db/schema";

/** The automatic payout slot of a day (UTC): one automatic payout per merchant, mode, currency and slot. */
export const scheduleSlot = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Whether a schedule pays out on `now`'s day (UTC): daily every day, weekly on its weekday, monthly on
 * its day of the month — a month too short for it (31 in April) pays on its last day. Manual never.
 */
export function isPayoutDue(s: Pick<PayoutSettingsRow, "interval" | "weeklyAnchor" | "monthlyAnchor">, now: Date): boolean {
  switch (s.interval) {
    case "daily":
      return true;
    case "weekly":
      return WEEKLY_ANCHORS[(now.getUTCDay() + 6) % 7] === s.weeklyAnchor;
    case "monthly": {
      const lastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
      return now.getUTCDate() === Math.min(s.monthlyAnchor, lastDay);
    }
    default:
      return false;
  }
}
