import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoiceLines, invoices, type InvoiceLineRow, type InvoiceRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

type Tenant = Pick<ServiceContext, "merchantId" | "livemode">;

export const noSuchInvoice = (id: string, param = "id") => new KassaError("resource_missing", `No such invoice: '${id}'`, { param });

/** The merchant's invoice in this mode; another tenant's (or mode's) is "not found". */
export async function loadInvoice(db: Executor, ctx: Tenant, id: string, opts: { lock?: boolean; param?: string } = {}): Promise<InvoiceRow> {
  if (!isId("invoice", id)) throw noSuchInvoice(id, opts.param);
  const query = db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.merchantId, ctx.merchantId), eq(invoices.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchInvoice(id, opts.param);
  return row;
}

/** The lines of some invoices, oldest first, keyed by invoice. */
export async function loadLines(db: Executor, invoiceIds: readonly string[]): Promise<Map<string, InvoiceLineRow[]>> {
  const out = new Map<string, InvoiceLineRow[]>(invoiceIds.map((id) => [id, []]));
  if (invoiceIds.length === 0) return out;
  const rows = await db
    .select()
    .from(invoiceLines)
    .where(inArray(invoiceLines.invoice, [...invoiceIds]))
    .orderBy(asc(invoiceLines.id));
  for (const r of rows) out.get(r.invoice!)?.push(r);
  return out;
}

export async function linesOf(db: Executor, invoiceId: string): Promise<InvoiceLineRow[]> {
  return (await loadLines(db, [invoiceId])).get(invoiceId) ?? [];
}

export const invoiceUnexpectedState = (invoice: InvoiceRow, action: string) =>
  new KassaError("invoice_unexpected_state", `This invoice is ${invoice.status}; you can only ${action}.`, { param: "id" });
