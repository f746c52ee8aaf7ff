// GET /api/v1/balance — available and pending funds per currency, from the ledger
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getBalance } from "@/lib/ledger/get-balance";

export const GET = withApiKey(operation("GET /api/v1/balance"), ({ ctx }) => getBalance({ ctx }));
