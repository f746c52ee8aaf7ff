import { and, eq } from "drizzle-orm";
import { subscriptions } from "@/db/schema";
import { loadCustomer } from "@/lib/customers/load";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { isId } from "@/lib/ids";
import { draftInvoice } from "./build-invoice";
import { CreateInvoiceInput } from "./inputs";
import { serializeInvoice, type InvoiceObject } from "./serialize";

/**
 * POST /api/v1/invoices — a draft that bills a subscription's pending prorations now instead of at its next
 * renewal (Stripe's "invoice pending items"). Finalise it to number it and open it for payment.
 */
export async function createInvoice({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<InvoiceObject> {
  requirePermission(ctx, "invoices:write");
  const data = parseWith(CreateInvoiceInput, input);
  return commit(
    ctx,
    async (tx, changes) => {
      const customer = await loadCustomer(tx, ctx, data.customer, { param: "customer" });
      const noSub = () => new KassaError("resource_missing", `No such subscription: '${data.subscription}'`, { param: "subscription" });
      const [sub] =
        data.subscription && isId("subscription", data.subscription)
          ? await tx
              .select()
              .from(subscriptions)
              .where(and(eq(subscriptions.id, data.subscription), eq(subscriptions.merchantId, ctx.merchantId), eq(subscriptions.livemode, ctx.livemode)))
          : [];
      if (data.subscription && !sub) throw noSub();
      if (sub && sub.customer !== customer.id) {
        throw new KassaError("parameter_invalid", `Subscription ${sub.id} belongs to another customer.`, { param: "subscription" });
      }
      const now = new Date();
      const { invoice, lines } = await draftInvoice(tx, ctx, changes, {
        customer: customer.id,
        subscription: sub?.id ?? null,
        currency: sub?.currency ?? "usd",
        billingReason: "manual",
        period: { start: now, end: now },
        lines: [],
        takePending: true,
        description: data.description ?? null,
      });
      if (lines.length === 0) {
        throw new KassaError("invoice_no_pending_items", "Nothing to invoice: the subscription has no pending invoice items.", {
          param: data.subscription ? "subscription" : "customer",
        });
      }
      changes.audit({ action: "invoice.created", targetType: "invoice", targetId: invoice.id });
      return serializeInvoice(invoice, lines);
    },
    { respond: (o) => o },
  );
}
