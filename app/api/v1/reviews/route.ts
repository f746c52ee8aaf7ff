// GET /api/v1/reviews — open reviews (riskiest first); ?open=false for the closed ones
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { listReviews } from "@/lib/fraud/list-reviews";

export const GET = withApiKey(operation("GET /api/v1/reviews"), ({ ctx, query, url }) => listReviews({ ctx, input: query, url: url.pathname }));
