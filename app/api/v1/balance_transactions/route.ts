// GET /api/v1/balance_transactions — every movement of the merchant's balance, newest first
import { withApiKey } from "@/lib/http/with-api-key";
import { listBalanceTransactions } from "@/lib/ledger/list-balance-transactions";
import { operation } from "@/lib/openapi/operations";

export const GET = withApiKey(operation("GET /api/v1/balance_transactions"), ({ ctx, query, url }) =>
  listBalanceTransactions({ ctx, input: query, url: url.pathname }),
);
