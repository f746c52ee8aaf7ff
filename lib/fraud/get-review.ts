import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { loadReview } from "./load-review";
import { serializeReview, type ReviewObject } from "./serialize-review";

/** GET /api/v1/reviews/:id — open or closed; `id` the review's (or its payment's). */
export async function getReview({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ReviewObject> {
  requirePermission(ctx, "radar:read");
  return serializeReview(await loadReview(await executor(ctx), ctx, id));
}
