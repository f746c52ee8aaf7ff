import { and, eq } from "drizzle-orm";
import { paymentMethods } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListPaymentMethodsQuery } from "./inputs";
import { loadCustomer, loadPaymentMethod } from "./load";
import { serializePaymentMethod, type PaymentMethodObject } from "./serialize";

/** GET /api/v1/customers/:id/payment_methods — the customer's saved cards, newest first. */
export async function listCustomerPaymentMethods({ ctx, id, input, url }: { ctx: ServiceContext; id: string; input: unknown; url: string }) {
  requirePermission(ctx, "customers:read");
  const q = parseWith(ListPaymentMethodsQuery, input);
  const db = await executor(ctx);
  await loadCustomer(db, ctx, id);
  return paginate({
    db,
    table: paymentMethods,
    id: paymentMethods.id,
    where: and(eq(paymentMethods.merchantId, ctx.merchantId), eq(paymentMethods.livemode, ctx.livemode), eq(paymentMethods.customer, id)),
    params: q,
    url,
    serialize: serializePaymentMethod,
  });
}

/** GET /api/v1/payment_methods/:id */
export async function getPaymentMethod({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PaymentMethodObject> {
  requirePermission(ctx, "customers:read");
  return serializePaymentMethod(await loadPaymentMethod(await executor(ctx), ctx, id));
}
