import { eq } from "drizzle-orm";
import { customers, type CustomerRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { declarePaymentMethodUpdated } from "@/lib/subscriptions/period-run";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { logger } from "@/lib/logger";
import { UpdateCustomerInput } from "./inputs";
import { loadCustomer, loadPaymentMethod } from "./load";
import { callProcessor, connectorCtx } from "./processor";
import { serializeCustomer, type CustomerObject } from "./serialize";

const cleared = (v: string | null | undefined) => (v === undefined ? undefined : v === "" ? null : v);

/**
 * POST/PATCH /api/v1/customers/:id. The default payment method must be one of the customer's saved
 * cards. Stripe's twin is updated after commit; if Stripe does not answer, Kassa's record stands and
 * the next update carries it over (Kassa reads the default from its own record when it charges). The
 * answer is stored in Kassa's commit, so a retry after a crash replays it.
 */
export async function updateCustomer({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<CustomerObject> {
  requirePermission(ctx, "customers:write");
  const data = parseWith(UpdateCustomerInput, input ?? {});
  const { before, after } = await commit(
    ctx,
    async (tx, changes) => {
      const before = await loadCustomer(tx, ctx, id, { lock: true });
      const defaultPm = data.invoice_settings?.default_payment_method;
      if (defaultPm) {
        const pm = await loadPaymentMethod(tx, ctx, defaultPm, "invoice_settings[default_payment_method]");
        if (pm.customer !== id) {
          throw new KassaError("payment_method_unexpected_state", `PaymentMethod ${defaultPm} is not attached to customer ${id}; attach it first.`, {
            param: "invoice_settings[default_payment_method]",
          });
        }
      }
      const set: Partial<CustomerRow> = {
        ...(data.email !== undefined ? { email: cleared(data.email) } : {}),
        ...(data.name !== undefined ? { name: cleared(data.name) } : {}),
        ...(data.description !== undefined ? { description: cleared(data.description) } : {}),
        ...(data.phone !== undefined ? { phone: cleared(data.phone) } : {}),
        ...(data.metadata !== undefined ? { metadata: { ...before.metadata, ...data.metadata } } : {}),
        ...(data.invoice_settings ? { defaultPaymentMethod: defaultPm ?? null } : {}),
      };
      if (Object.keys(set).length === 0) return { before, after: before };
      const [after] = await tx.update(customers).set(set).where(eq(customers.id, id)).returning();
      // previous_attributes in the API's names, as Stripe's events carry them.
      const old = serializeCustomer(before) as Record<string, unknown>;
      const previous = Object.fromEntries(
        Object.keys(set).map((k) => (k === "defaultPaymentMethod" ? ["invoice_settings", old.invoice_settings] : [k, old[k]])),
      );
      changes.audit({ action: "customer.updated", targetType: "customer", targetId: id, metadata: { fields: Object.keys(set) } });
      changes.event("customer.updated", serializeCustomer(after!), previous);
      // A new default card: a subscription's dunning run waiting on this customer tries it at once.
      if (defaultPm && defaultPm !== before.defaultPaymentMethod) declarePaymentMethodUpdated(changes, ctx, id);
      return { before, after: after! };
    },
    { respond: ({ after }) => serializeCustomer(after) },
  );
  if (after !== before && after.connector === "stripe") {
    await callProcessor(after.connector, (c) =>
      c.updateCustomer(connectorCtx(ctx), {
        customerId: id,
        email: after.email,
        name: after.name,
        ...(data.invoice_settings ? { defaultPaymentMethod: after.defaultPaymentMethod } : {}),
      }),
    ).catch((error: unknown) => logger.warn({ customer: id, error: String(error) }, "Stripe customer not updated"));
  }
  return serializeCustomer(after);
}
