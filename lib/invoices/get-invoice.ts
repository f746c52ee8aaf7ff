import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { linesOf, loadInvoice } from "./load";
import { serializeInvoice, type InvoiceObject } from "./serialize";

/** GET /api/v1/invoices/:id */
export async function getInvoice({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<InvoiceObject> {
  requirePermission(ctx, "invoices:read");
  const db = await executor(ctx);
  const invoice = await loadInvoice(db, ctx, id);
  return serializeInvoice(invoice, await linesOf(db, invoice.id));
}
