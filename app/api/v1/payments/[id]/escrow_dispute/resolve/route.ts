// POST /api/v1/payments/:id/escrow_dispute/resolve — decide a disputed escrow: refund the buyer or release to the merchant
import { withApiKey } from "@/lib/http/with-api-key";
import { resolveEscrowDispute } from "@/lib/escrow/resolve-escrow-dispute";
import { ResolveEscrowDisputeInput } from "@/lib/escrow/inputs";

export const POST = withApiKey({ route: "/api/v1/payments/:id/escrow_dispute/resolve", body: ResolveEscrowDisputeInput }, ({ ctx, body, params }) =>
  resolveEscrowDispute({ ctx, id: String(params.id), input: body }),
);
