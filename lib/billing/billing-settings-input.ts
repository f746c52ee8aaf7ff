import { z } from "zod";
import { DUNNING_TERMINAL_ACTIONS } from "@/db/schema";
import { MAX_RETRIES, MAX_RETRY_DAY } from "./settings";

/**
 * A merchant's dunning settings as the dashboard sends them: the days after the first failed try at which
 * Kassa tries again (at most 7 retries, so 8 tries with the renewal's; each day 1–30, strictly ascending;
 * none means no retry), what the subscription becomes after the last, and whether customers may cancel at
 * period end from the billing portal.
 */
export const BillingSettingsInput = z.strictObject({
  retry_days: z
    .array(z.int().min(1).max(MAX_RETRY_DAY))
    .max(MAX_RETRIES, `at most ${MAX_RETRIES} retries (8 tries with the first)`)
    .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), "must be in ascending order, each day after the one before"),
  terminal_action: z.enum(DUNNING_TERMINAL_ACTIONS),
  portal_cancel: z.boolean(),
});
export type BillingSettingsInput = z.output<typeof BillingSettingsInput>;
