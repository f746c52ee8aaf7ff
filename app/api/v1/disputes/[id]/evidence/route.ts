// POST /api/v1/disputes/:id/evidence — answer a dispute with text evidence (submitted for review)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { submitDisputeEvidence } from "@/lib/disputes/submit-evidence";

export const POST = withApiKey(operation("POST /api/v1/disputes/:id/evidence"), ({ ctx, body, params }) =>
  submitDisputeEvidence({ ctx, id: String(params.id), input: body }),
);
