// POST /api/v1/payments/:id/escrow_dispute — dispute a held escrow inside its window (blocks the timed release)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { openEscrowDispute } from "@/lib/escrow/open-escrow-dispute";

export const POST = withApiKey(operation("POST /api/v1/payments/:id/escrow_dispute"), ({ ctx, body, params }) =>
  openEscrowDispute({ ctx, id: String(params.id), input: body }),
);
