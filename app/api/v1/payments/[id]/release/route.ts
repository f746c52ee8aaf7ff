// POST /api/v1/payments/:id/release — release an escrowed payment's held funds to the merchant early
import { withApiKey } from "@/lib/http/with-api-key";
import { releaseEscrow, ReleaseEscrowInput } from "@/lib/escrow/release-escrow";

export const POST = withApiKey({ route: "/api/v1/payments/:id/release", body: ReleaseEscrowInput }, ({ ctx, body, params }) =>
  releaseEscrow({ ctx, id: String(params.id), input: body }),
);
