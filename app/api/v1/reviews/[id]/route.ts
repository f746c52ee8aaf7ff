// GET /api/v1/reviews/:id — a review, open or closed
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getReview } from "@/lib/fraud/get-review";

export const GET = withApiKey(operation("GET /api/v1/reviews/:id"), ({ ctx, params }) => getReview({ ctx, id: String(params.id) }));
