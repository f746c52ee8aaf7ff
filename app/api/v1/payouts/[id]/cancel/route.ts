// POST /api/v1/payouts/:id/cancel — cancel a pending payout not yet sent to the bank (its amount returns to available)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { cancelPayout } from "@/lib/payouts/cancel-payout";

export const POST = withApiKey(operation("POST /api/v1/payouts/:id/cancel"), ({ ctx, params }) => cancelPayout({ ctx, id: String(params.id) }));
