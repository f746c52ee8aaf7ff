import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadDispute } from "./load";
import { serializeDispute, type DisputeObject } from "./serialize";

/** GET /api/v1/disputes/:id */
export async function getDispute({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<DisputeObject> {
  requirePermission(ctx, "disputes:read");
  return serializeDispute(await loadDispute(await executor(ctx), ctx, id));
}
