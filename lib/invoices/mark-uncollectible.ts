import { eq } from "drizzle-orm";
import { invoices } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { invoiceUnexpectedState, linesOf, loadInvoice } from "./load";
import { serializeInvoice, type InvoiceObject } from "./serialize";

/** POST /api/v1/invoices/:id/mark_uncollectible — an open invoice written off as bad debt; it stays payable (Stripe's rule). */
export async function markInvoiceUncollectible({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<InvoiceObject> {
  requirePermission(ctx, "invoices:write");
  return commit(
    ctx,
    async (tx, changes) => {
      const invoice = await loadInvoice(tx, ctx, id, { lock: true });
      if (invoice.status !== "open") throw invoiceUnexpectedState(invoice, "mark an open invoice uncollectible.");
      const [marked] = await tx
        .update(invoices)
        .set({ status: "uncollectible", markedUncollectibleAt: new Date(), nextPaymentAttempt: null })
        .where(eq(invoices.id, id))
        .returning();
      const object = serializeInvoice(marked!, await linesOf(tx, id));
      changes.event("invoice.marked_uncollectible", object);
      changes.audit({ action: "invoice.marked_uncollectible", targetType: "invoice", targetId: id });
      return object;
    },
    { respond: (o) => o },
  );
}
