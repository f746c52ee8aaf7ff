// POST /api/v1/payments/:id/release — release an escrowed payment's held funds to the merchant early
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { releaseEscrow } from "@/lib/escrow/release-escrow";

export const POST = withApiKey(operation("POST /api/v1/payments/:id/release"), ({ ctx, body, params }) =>
  releaseEscrow({ ctx, id: String(params.id), input: body }),
);
