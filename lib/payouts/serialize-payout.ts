import type { PayoutRow } from "@/db/schema";
import { jsonAmount } from "@/lib/ledger/json-amount";
import type { z } from "zod";
import type { PayoutObject as PayoutSchema } from "./payout-object";

const unix = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** Stripe's payout shape. `destination` is the bank account's id; its number never appears. */
export function serializePayout(row: PayoutRow) {
  return {
    id: row.id,
    object: "payout" as const,
    amount: jsonAmount(row.amount),
    arrival_date: unix(row.arrivalDate),
    automatic: row.automatic,
    balance_transaction: row.balanceTransactionId,
    created: unix(row.createdAt)!,
    currency: row.currency,
    description: row.description,
    destination: row.bankAccountId,
    failure_balance_transaction: row.returnBalanceTransactionId,
    failure_code: row.failureCode,
    failure_message: row.failureMessage,
    livemode: row.livemode,
    method: "standard" as const,
    // Automatic payouts list the balance transactions they settle; manual ones do not (as at Stripe).
    reconciliation_status: row.automatic ? ("completed" as const) : ("not_applicable" as const),
    source_type: "card" as const,
    status: row.status,
    type: "bank_account" as const,
  } satisfies z.input<typeof PayoutSchema>;
}
export type PayoutObject = ReturnType<typeof serializePayout>;
