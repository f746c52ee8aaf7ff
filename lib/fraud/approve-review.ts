import type { ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import type { ReviewObject } from "./serialize-review";
import { settleReview } from "./settle-review";

/** POST /api/v1/reviews/:id/approve — the held payment is captured and its review closed as `approved`. `id`: the review's or its payment's. */
export async function approveReview({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ReviewObject> {
  requirePermission(ctx, "radar:write");
  return settleReview(ctx, id, "approve", "approved");
}
