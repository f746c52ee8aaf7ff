// GET /api/v1/balance_transactions/:id — one balance transaction
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getBalanceTransaction } from "@/lib/ledger/get-balance-transaction";

export const GET = withApiKey(operation("GET /api/v1/balance_transactions/:id"), ({ ctx, params }) => getBalanceTransaction({ ctx, id: String(params.id) }));
