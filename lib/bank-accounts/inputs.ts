import { z } from "zod";
import { listParams } from "@/lib/service/pagination";

const currency = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO currency code")
  .transform((s) => s.toLowerCase());
const country = z
  .string()
  .regex(/^[a-zA-Z]{2}$/, "must be a two-letter ISO country code")
  .transform((s) => s.toUpperCase());

/** POST /api/v1/bank_accounts: an IBAN, or an account number with its routing number (not both). */
export const CreateBankAccountInput = z.strictObject({
  currency,
  country,
  account_holder_name: z.string().trim().min(1).max(200),
  account_holder_type: z.enum(["individual", "company"]).optional(),
  iban: z.string().min(1).max(64).optional(),
  account_number: z.string().min(1).max(34).optional(),
  routing_number: z.string().min(1).max(34).optional(),
  default_for_currency: z.boolean().optional(),
});
export type CreateBankAccountInput = z.output<typeof CreateBankAccountInput>;

/** POST /api/v1/bank_accounts/:id: only what Stripe lets change on an external account here. */
export const UpdateBankAccountInput = z.strictObject({
  default_for_currency: z.literal(true).optional(),
  account_holder_name: z.string().trim().min(1).max(200).optional(),
});
export type UpdateBankAccountInput = z.output<typeof UpdateBankAccountInput>;

export const ListBankAccountsQuery = z.strictObject({
  ...listParams,
  currency: currency.optional(),
});
