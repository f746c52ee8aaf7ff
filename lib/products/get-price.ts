import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadPrice } from "./load";
import { serializePrice, type PriceObject } from "./serialize";

/** GET /api/v1/prices/:id */
export async function getPrice({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PriceObject> {
  requirePermission(ctx, "products:read");
  return serializePrice(await loadPrice(await executor(ctx), ctx, id));
}
