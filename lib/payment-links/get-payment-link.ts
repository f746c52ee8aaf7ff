import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadPaymentLink } from "./load-payment-link";
import { serializePaymentLink, type PaymentLinkObject } from "./serialize-payment-link";

/** GET /api/v1/payment_links/:id */
export async function getPaymentLink({ ctx, id, baseUrl }: { ctx: ServiceContext; id: string; baseUrl?: string }): Promise<PaymentLinkObject> {
  requirePermission(ctx, "payment_links:read");
  return serializePaymentLink(await loadPaymentLink(await executor(ctx), ctx, id), baseUrl);
}
