import type { ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import type { ReviewObject } from "./serialize-review";
import { settleReview } from "./settle-review";

/**
 * POST /api/v1/reviews/:id/refund (Kassa's) — the money goes back in full: an authorisation never captured is
 * canceled (nothing was taken), a captured payment refunded; the review closes as `refunded`.
 */
export async function refundReview({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ReviewObject> {
  requirePermission(ctx, "radar:write");
  return settleReview(ctx, id, "refund", "refunded");
}
