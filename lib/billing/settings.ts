import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { billingSettings, type DunningTerminalAction } from "@/db/schema";

export interface BillingSettings {
  /** Days after the first failed try at which Kassa tries again (ascending). */
  retryDays: number[];
  terminalAction: DunningTerminalAction;
  portalCancel: boolean;
}

/**
 * Stripe's recommended default: 8 tries within 2 weeks — the first at renewal, then 7 retries spread out
 * (1, 2, 3, 5, 7, 10 and 14 days after the first failure) — and the subscription marked unpaid after the last.
 */
export const DEFAULT_BILLING_SETTINGS: Readonly<BillingSettings> = Object.freeze({
  retryDays: [1, 2, 3, 5, 7, 10, 14],
  terminalAction: "unpaid",
  portalCancel: true,
});

export const MAX_RETRIES = 7;
export const MAX_RETRY_DAY = 30;

/** Declines no retry can fix: Kassa stops trying the card until the customer gives a new one. */
export const HARD_DECLINE_CODES: ReadonlySet<string> = new Set([
  "expired_card",
  "stolen_card",
  "lost_card",
  "pickup_card",
  "restricted_card",
  "fraudulent",
  "incorrect_number",
  "invalid_account",
  "new_account_information_available",
]);

export async function getBillingSettings(db: Executor, merchantId: string): Promise<BillingSettings> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.merchantId, merchantId));
  if (!row) return { ...DEFAULT_BILLING_SETTINGS, retryDays: [...DEFAULT_BILLING_SETTINGS.retryDays] };
  return { retryDays: row.retryDays, terminalAction: row.terminalAction, portalCancel: row.portalCancel };
}

/**
 * When to try an invoice again after its `tries`-th failed try, counting from the renewal (`base`): the
 * schedule's `tries`-th retry day, or a later one if that has passed (a try the customer's new card made
 * early); null when the schedule is used up.
 */
export function nextRetryAt(settings: Pick<BillingSettings, "retryDays">, base: Date, tries: number, now: Date = base): Date | null {
  for (const day of settings.retryDays.slice(Math.max(0, tries - 1))) {
    const at = new Date(base.getTime() + day * 86_400_000);
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}
