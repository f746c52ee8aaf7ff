import { eq } from "drizzle-orm";
import { invoices } from "@/db/schema";
import { loadPayment } from "@/lib/payments/load-payment";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { invoiceUnexpectedState, linesOf, loadInvoice } from "./load";
import { serializeInvoice, type InvoiceObject } from "./serialize";

/**
 * POST /api/v1/invoices/:id/void — an open (or uncollectible) invoice is cancelled for good: no retry
 * charges it. Refused while a try is with the processor, so a charge can never land on a void invoice.
 */
export async function voidInvoice({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<InvoiceObject> {
  requirePermission(ctx, "invoices:write");
  return commit(
    ctx,
    async (tx, changes) => {
      const invoice = await loadInvoice(tx, ctx, id, { lock: true });
      if (invoice.status !== "open" && invoice.status !== "uncollectible") throw invoiceUnexpectedState(invoice, "void an open or uncollectible invoice.");
      if (invoice.payment) {
        const payment = await loadPayment(tx, ctx, invoice.payment);
        if (payment.status === "processing" || payment.status === "requires_confirmation") {
          throw new KassaError("invoice_unexpected_state", "A payment of this invoice is still with the processor; try again in a minute.", { param: "id" });
        }
      }
      const [voided] = await tx.update(invoices).set({ status: "void", voidedAt: new Date(), nextPaymentAttempt: null }).where(eq(invoices.id, id)).returning();
      const object = serializeInvoice(voided!, await linesOf(tx, id));
      changes.event("invoice.voided", object);
      changes.audit({ action: "invoice.voided", targetType: "invoice", targetId: id });
      return object;
    },
    { respond: (o) => o },
  );
}
