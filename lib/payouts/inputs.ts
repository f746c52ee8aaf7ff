import { z } from "zod";
import { PAYOUT_INTERVALS, PAYOUT_STATUSES, WEEKLY_ANCHORS } from "@/db/schema";
import { amountSchema } from "@/lib/payments/inputs";
import { listParams } from "@/lib/service/pagination";

export const CreatePayoutInput = z.strictObject({
  amount: amountSchema,
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO currency code")
    .transform((s) => s.toLowerCase()),
  description: z.string().max(500).optional(),
  /** The bank account (`ba_…`); default: the currency's default account. Stripe calls it `destination`. */
  bank_account: z.string().min(1).max(255).optional(),
  destination: z.string().min(1).max(255).optional(),
});
export type CreatePayoutInput = z.output<typeof CreatePayoutInput>;

export const ListPayoutsQuery = z.strictObject({
  ...listParams,
  status: z.enum(PAYOUT_STATUSES).optional(),
  currency: z
    .string()
    .regex(/^[a-z]{3}$/)
    .optional(),
  destination: z.string().min(1).max(255).optional(),
});

export const UpdatePayoutSettingsInput = z.strictObject({
  interval: z.enum(PAYOUT_INTERVALS),
  weekly_anchor: z.enum(WEEKLY_ANCHORS).optional(),
  monthly_anchor: z.int().min(1).max(31).optional(),
});
export type UpdatePayoutSettingsInput = z.output<typeof UpdatePayoutSettingsInput>;
