// The API's `account` (lib/accounts/serialize-account.ts types its answer by this schema).
import { currency, idOf, livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const AccountObject = z
  .strictObject({
    id: idOf("merchant"),
    object: z.literal("account"),
    business_name: z.string(),
    support_email: z.string().nullable(),
    statement_descriptor: z.string().nullable(),
    default_currency: currency(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .openapi({ description: "ISO 3166-1 alpha-2." }),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("Account", { description: "The merchant's account." });
