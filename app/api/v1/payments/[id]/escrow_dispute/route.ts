// POST /api/v1/payments/:id/escrow_dispute — dispute a held escrow inside its window (blocks the timed release)
import { withApiKey } from "@/lib/http/with-api-key";
import { openEscrowDispute } from "@/lib/escrow/open-escrow-dispute";
import { OpenEscrowDisputeInput } from "@/lib/escrow/inputs";

export const POST = withApiKey({ route: "/api/v1/payments/:id/escrow_dispute", body: OpenEscrowDisputeInput }, ({ ctx, body, params }) =>
  openEscrowDispute({ ctx, id: String(params.id), input: body }),
);
