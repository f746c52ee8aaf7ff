import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { loadPayout } from "./load-payout";
import { serializePayout, type PayoutObject } from "./serialize-payout";

/** GET /api/v1/payouts/:id */
export async function getPayout({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PayoutObject> {
  requirePermission(ctx, "payouts:read");
  return serializePayout(await loadPayout(await executor(ctx), ctx, id));
}
