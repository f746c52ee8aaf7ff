// GET /api/v1/payouts/:id — one payout
import { withApiKey } from "@/lib/http/with-api-key";
import { getPayout } from "@/lib/payouts/get-payout";

export const GET = withApiKey({ route: "/api/v1/payouts/:id" }, ({ ctx, params }) => getPayout({ ctx, id: String(params.id) }));
