// GET /api/v1/payouts/:id — one payout
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getPayout } from "@/lib/payouts/get-payout";

export const GET = withApiKey(operation("GET /api/v1/payouts/:id"), ({ ctx, params }) => getPayout({ ctx, id: String(params.id) }));
