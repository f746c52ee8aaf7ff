// GET /api/v1/balance — available and pending funds per currency, from the ledger
import { withApiKey } from "@/lib/http/with-api-key";
import { getBalance } from "@/lib/ledger/get-balance";

export const GET = withApiKey({ route: "/api/v1/balance" }, ({ ctx }) => getBalance({ ctx }));
