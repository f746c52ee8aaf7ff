import type { BankAccountRow } from "@/db/schema";
import type { z } from "zod";
import type { BankAccountObject as BankAccountSchema } from "./bank-account-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** Stripe's bank_account shape: only last4, bank name, routing number and fingerprint — never the number. */
export function serializeBankAccount(row: BankAccountRow) {
  return {
    id: row.id,
    object: "bank_account" as const,
    account_holder_name: row.accountHolderName,
    account_holder_type: row.accountHolderType ?? null,
    bank_name: row.bankName,
    country: row.country,
    currency: row.currency,
    default_for_currency: row.defaultForCurrency,
    fingerprint: row.fingerprint,
    last4: row.last4,
    routing_number: row.routingNumber,
    status: row.status,
    created: unix(row.createdAt),
    livemode: row.livemode,
  } satisfies z.input<typeof BankAccountSchema>;
}
export type BankAccountObject = ReturnType<typeof serializeBankAccount>;
