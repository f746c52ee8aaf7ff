// POST /api/v1/reviews/:id/refund_as_fraud — block the card and email, give the money back, close as refunded_as_fraud
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { refundReviewAsFraud } from "@/lib/fraud/refund-review-as-fraud";

export const POST = withApiKey(operation("POST /api/v1/reviews/:id/refund_as_fraud"), ({ ctx, params }) => refundReviewAsFraud({ ctx, id: String(params.id) }));
