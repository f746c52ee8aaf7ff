// POST /api/v1/payments/:id/escrow_dispute/resolve — decide a disputed escrow: refund the buyer or release to the merchant
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { resolveEscrowDispute } from "@/lib/escrow/resolve-escrow-dispute";

export const POST = withApiKey(operation("POST /api/v1/payments/:id/escrow_dispute/resolve"), ({ ctx, body, params }) =>
  resolveEscrowDispute({ ctx, id: String(params.id), input: body }),
);
