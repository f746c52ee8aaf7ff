import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadPayment } from "./load-payment";
import { serializePayment, type PaymentObject } from "./serialize-payment";

/** GET /api/v1/payments/:id */
export async function getPayment({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PaymentObject> {
  requirePermission(ctx, "payments:read");
  return serializePayment(await loadPayment(await executor(ctx), ctx, id));
}
