import { and, eq } from "drizzle-orm";
import { customers, paymentMethods } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadCustomer } from "./load";
import { callProcessor, connectorCtx } from "./processor";
import { serializeCustomer } from "./serialize";

/**
 * DELETE /api/v1/customers/:id — the processor first (Stripe deletes its twin and detaches the cards),
 * then Kassa: the customer answers 404 from now on and its saved cards are detached. Payments that
 * name it keep its id.
 */
export async function deleteCustomer({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "customers:write");
  const current = await loadCustomer(await executor(ctx), ctx, id);
  await callProcessor(current.connector, (c) => c.deleteCustomer(connectorCtx(ctx), { customerId: id }));
  return commit(
    ctx,
    async (tx, changes) => {
      const row = await loadCustomer(tx, ctx, id, { lock: true });
      const [deleted] = await tx.update(customers).set({ deletedAt: new Date(), defaultPaymentMethod: null }).where(eq(customers.id, id)).returning();
      await tx
        .update(paymentMethods)
        .set({ customer: null })
        .where(and(eq(paymentMethods.merchantId, ctx.merchantId), eq(paymentMethods.livemode, ctx.livemode), eq(paymentMethods.customer, id)));
      changes.audit({ action: "customer.deleted", targetType: "customer", targetId: id });
      changes.event("customer.deleted", { ...serializeCustomer(deleted ?? row), deleted: true });
      return { id, object: "customer" as const, deleted: true as const };
    },
    { respond: (answer) => answer },
  );
}
