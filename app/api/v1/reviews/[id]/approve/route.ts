// POST /api/v1/reviews/:id/approve — capture the held payment, close the review as approved
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { approveReview } from "@/lib/fraud/approve-review";

export const POST = withApiKey(operation("POST /api/v1/reviews/:id/approve"), ({ ctx, params }) => approveReview({ ctx, id: String(params.id) }));
