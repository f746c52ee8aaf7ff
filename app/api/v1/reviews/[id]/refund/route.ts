// POST /api/v1/reviews/:id/refund — give the money back (cancel an uncaptured hold, else refund), close as refunded
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { refundReview } from "@/lib/fraud/refund-review";

export const POST = withApiKey(operation("POST /api/v1/reviews/:id/refund"), ({ ctx, params }) => refundReview({ ctx, id: String(params.id) }));
