// GET /api/v1/reviews — open reviews (riskiest first); ?open=false for the closed ones
import { withApiKey } from "@/lib/http/with-api-key";
import { listReviews, ListReviewsQuery } from "@/lib/fraud/list-reviews";

export const GET = withApiKey({ route: "/api/v1/reviews", query: ListReviewsQuery }, ({ ctx, query, url }) =>
  listReviews({ ctx, input: query, url: url.pathname }),
);
