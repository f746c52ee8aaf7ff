import { customers, type CustomerRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { connectorNameFor } from "@/lib/payments/connector";
import { CreateCustomerInput } from "./inputs";
import { callProcessor, connectorCtx } from "./processor";
import { serializeCustomer, type CustomerObject } from "./serialize";

/**
 * POST /api/v1/customers. The customer is Kassa's; on Stripe its twin is created right after (keyed by
 * the Kassa id, so never twice) — or on first use if Stripe did not answer now.
 */
export async function createCustomer({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<CustomerObject> {
  requirePermission(ctx, "customers:write");
  const data = parseWith(CreateCustomerInput, input);
  const connector = connectorNameFor(ctx);
  const row = await commit(
    ctx,
    async (tx, changes) => {
      const [created] = await tx
        .insert(customers)
        .values({
          id: newId("customer"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          email: data.email ?? null,
          name: data.name ?? null,
          description: data.description ?? null,
          phone: data.phone ?? null,
          metadata: data.metadata ?? {},
          connector,
        })
        .returning();
      changes.audit({ action: "customer.created", targetType: "customer", targetId: created!.id });
      changes.event("customer.created", serializeCustomer(created!));
      return created as CustomerRow;
    },
    { respond: serializeCustomer },
  );
  if (connector === "stripe") {
    await callProcessor(connector, (c) => c.createCustomer(connectorCtx(ctx), { customerId: row.id, email: row.email, name: row.name })).catch(
      (error: unknown) => logger.warn({ customer: row.id, error: String(error) }, "Stripe customer not created yet; it will be on first use"),
    );
  }
  return serializeCustomer(row);
}
