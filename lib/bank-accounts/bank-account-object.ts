// The API's `bank_account` (lib/bank-accounts/serialize-bank-account.ts types its answer by this schema).
import { BANK_ACCOUNT_STATUSES } from "@/db/schema/payouts";
import { currency, idOf, livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const BankAccountObject = z
  .strictObject({
    id: idOf("bankAccount"),
    object: z.literal("bank_account"),
    account_holder_name: z.string(),
    account_holder_type: z.enum(["individual", "company"]).nullable(),
    bank_name: z.string().nullable(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .openapi({ description: "ISO 3166-1 alpha-2." }),
    currency: currency(),
    default_for_currency: z.boolean(),
    fingerprint: z.string(),
    last4: z.string(),
    routing_number: z.string().nullable(),
    status: z.enum(BANK_ACCOUNT_STATUSES),
    created: unixTime("Created"),
    livemode: livemode(),
  })
  .openapi("BankAccount", { description: "A bank account for payouts; its number never appears." });
