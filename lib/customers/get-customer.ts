import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadCustomer } from "./load";
import { serializeCustomer, type CustomerObject } from "./serialize";

/** GET /api/v1/customers/:id */
export async function getCustomer({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<CustomerObject> {
  requirePermission(ctx, "customers:read");
  return serializeCustomer(await loadCustomer(await executor(ctx), ctx, id));
}
