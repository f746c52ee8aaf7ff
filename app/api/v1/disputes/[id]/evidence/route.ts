// POST /api/v1/disputes/:id/evidence — answer a dispute with text evidence (submitted for review)
import { withApiKey } from "@/lib/http/with-api-key";
import { SubmitEvidenceInput } from "@/lib/disputes/inputs";
import { submitDisputeEvidence } from "@/lib/disputes/submit-evidence";

export const POST = withApiKey({ route: "/api/v1/disputes/:id/evidence", body: SubmitEvidenceInput }, ({ ctx, body, params }) =>
  submitDisputeEvidence({ ctx, id: String(params.id), input: body }),
);
