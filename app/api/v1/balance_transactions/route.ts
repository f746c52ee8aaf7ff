// GET /api/v1/balance_transactions — every movement of the merchant's balance, newest first
import { queryObject } from "@/lib/http/read-body";
import { withApiKey } from "@/lib/http/with-api-key";
import { listBalanceTransactions } from "@/lib/ledger/list-balance-transactions";

export const GET = withApiKey({ route: "/api/v1/balance_transactions" }, ({ ctx, url }) =>
  listBalanceTransactions({ ctx, input: queryObject(url), url: url.pathname }),
);
