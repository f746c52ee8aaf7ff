import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadProduct } from "./load";
import { serializeProduct, type ProductObject } from "./serialize";

/** GET /api/v1/products/:id */
export async function getProduct({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ProductObject> {
  requirePermission(ctx, "products:read");
  return serializeProduct(await loadProduct(await executor(ctx), ctx, id));
}
