import type { Merchant } from "@/db/schema";
import type { z } from "zod";
import type { AccountObject as AccountSchema } from "@/lib/accounts/account-object";

export function serializeAccount(m: Merchant, livemode: boolean) {
  return {
    id: m.id,
    object: "account" as const,
    business_name: m.businessName,
    support_email: m.supportEmail,
    statement_descriptor: m.statementDescriptor,
    default_currency: m.defaultCurrency,
    country: m.country,
    livemode,
    created: Math.floor(m.createdAt.getTime() / 1000),
  } satisfies z.input<typeof AccountSchema>;
}

export type AccountObject = ReturnType<typeof serializeAccount>;
