import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadCheckoutSession } from "./load-checkout-session";
import { serializeCheckoutSession, type CheckoutSessionObject } from "./serialize-checkout-session";

/** GET /api/v1/checkout/sessions/:id */
export async function getCheckoutSession({ ctx, id, baseUrl }: { ctx: ServiceContext; id: string; baseUrl?: string }): Promise<CheckoutSessionObject> {
  requirePermission(ctx, "payments:read");
  return serializeCheckoutSession(await loadCheckoutSession(await executor(ctx), ctx, id), baseUrl);
}
