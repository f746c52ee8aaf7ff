// The API's `balance` and `balance_transaction` (lib/ledger/get-balance.ts and serialize-balance-transaction.ts
// type their answers by these).
import { BALANCE_TRANSACTION_STATUSES, BALANCE_TRANSACTION_TYPES } from "@/db/schema/ledger";
import { currency, idOf, livemode, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const BalanceAmountObject = z.strictObject({ amount: minorUnits("The amount."), currency: currency() }).openapi("BalanceAmount");

export const BalanceObject = z
  .strictObject({
    object: z.literal("balance"),
    livemode: livemode(),
    available: z.array(BalanceAmountObject).openapi({ description: "Available to pay out, per currency." }),
    pending: z.array(BalanceAmountObject).openapi({ description: "Not yet available, per currency." }),
    in_transit: z.array(BalanceAmountObject).openapi({ description: "Paid out and on its way to the bank (Kassa's own field)." }),
    escrowed: z.array(BalanceAmountObject).openapi({ description: "Captured into escrow and not yet released or refunded (Kassa's own field)." }),
  })
  .openapi("Balance", { description: "The merchant's balance in its mode, per currency, summed from the ledger." });

export const BalanceTransactionObject = z
  .strictObject({
    id: idOf("balanceTransaction"),
    object: z.literal("balance_transaction"),
    amount: minorUnits("Gross amount."),
    available_on: unixTime("Becomes available"),
    created: unixTime("Created"),
    currency: currency(),
    description: z.string().nullable(),
    fee: minorUnits("Kassa's fee."),
    fee_details: z.array(z.strictObject({ amount: minorUnits("The fee."), currency: currency(), description: z.string(), type: z.literal("kassa_fee") })),
    net: minorUnits("amount − fee."),
    source: z.string().openapi({ description: "The object that moved the balance (payment, refund, dispute, payout…)." }),
    status: z.enum(BALANCE_TRANSACTION_STATUSES),
    type: z.enum(BALANCE_TRANSACTION_TYPES),
  })
  .openapi("BalanceTransaction", { description: "One movement of the balance." });
