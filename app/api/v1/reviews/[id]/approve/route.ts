// POST /api/v1/reviews/:id/approve — capture the held payment, close the review as approved
import { withApiKey } from "@/lib/http/with-api-key";
import { approveReview } from "@/lib/fraud/approve-review";

export const POST = withApiKey({ route: "/api/v1/reviews/:id/approve" }, ({ ctx, params }) => approveReview({ ctx, id: String(params.id) }));
