import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { finalizeDraft } from "./build-invoice";
import { invoiceUnexpectedState, linesOf, loadInvoice } from "./load";
import { serializeInvoice, type InvoiceObject } from "./serialize";

/** POST /api/v1/invoices/:id/finalize — draft → open (numbered, totals fixed; paid at once when nothing is due). */
export async function finalizeInvoice({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<InvoiceObject> {
  requirePermission(ctx, "invoices:write");
  return commit(
    ctx,
    async (tx, changes) => {
      const invoice = await loadInvoice(tx, ctx, id, { lock: true });
      if (invoice.status !== "draft") throw invoiceUnexpectedState(invoice, "finalize a draft.");
      const lines = await linesOf(tx, invoice.id);
      return serializeInvoice(await finalizeDraft(tx, ctx, changes, invoice, lines), lines);
    },
    { respond: (o) => o },
  );
}
