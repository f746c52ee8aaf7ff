import type { BalanceTransactionRow } from "@/db/schema";
import { jsonAmount } from "./json-amount";
import type { z } from "zod";
import type { BalanceTransactionObject as BalanceTransactionSchema } from "./balance-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** Stripe's balance_transaction shape; amounts are minor units, fee and net included. */
export function serializeBalanceTransaction(t: BalanceTransactionRow) {
  return {
    id: t.id,
    object: "balance_transaction" as const,
    amount: jsonAmount(t.amount),
    available_on: unix(t.availableOn),
    created: unix(t.createdAt),
    currency: t.currency,
    description: t.description,
    fee: jsonAmount(t.fee),
    fee_details: t.fee === 0n ? [] : [{ amount: jsonAmount(t.fee), currency: t.currency, description: "Kassa fees", type: "kassa_fee" as const }],
    net: jsonAmount(t.net),
    source: t.sourceId,
    status: t.status,
    type: t.type,
  } satisfies z.input<typeof BalanceTransactionSchema>;
}

export type BalanceTransactionObject = ReturnType<typeof serializeBalanceTransaction>;
