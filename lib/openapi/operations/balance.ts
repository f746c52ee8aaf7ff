// Balance: the API's operations (lib/openapi/operations.ts)
import { ListBalanceTransactionsInput } from "@/lib/ledger/list-balance-transactions";
import type { OperationEntries } from "../operation-types";

export const balanceOperations = {
  "GET /api/v1/balance": {
    summary: "Retrieve the balance",
    description: "Available and pending funds per currency, from the ledger.",
    tag: "Balance",
    auth: "secret",
    permission: "balance:read",
    response: "Balance",
    idempotent: false,
  },
  "GET /api/v1/balance_transactions/:id": {
    summary: "Get a balance transaction",
    description: "One balance transaction.",
    tag: "Balance",
    auth: "secret",
    permission: "balance:read",
    response: "BalanceTransaction",
    idempotent: false,
  },
  "GET /api/v1/balance_transactions": {
    summary: "List balance transactions",
    description: "Every movement of the merchant's balance, newest first.",
    tag: "Balance",
    auth: "secret",
    permission: "balance:read",
    query: ListBalanceTransactionsInput,
    response: { list: "BalanceTransaction" },
    idempotent: false,
  },
} as const satisfies OperationEntries;
