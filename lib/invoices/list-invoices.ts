import { and, eq } from "drizzle-orm";
import { invoices, type InvoiceRow } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListInvoicesQuery } from "./inputs";
import { loadLines } from "./load";
import { serializeInvoice } from "./serialize";

/** GET /api/v1/invoices — newest first, cursor pages; filters status, customer and subscription. */
export async function listInvoices({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "invoices:read");
  const q = parseWith(ListInvoicesQuery, input ?? {});
  const db = await executor(ctx);
  const page = await paginate({
    db,
    table: invoices,
    id: invoices.id,
    where: and(
      eq(invoices.merchantId, ctx.merchantId),
      eq(invoices.livemode, ctx.livemode),
      q.status ? eq(invoices.status, q.status) : undefined,
      q.customer ? eq(invoices.customer, q.customer) : undefined,
      q.subscription ? eq(invoices.subscription, q.subscription) : undefined,
    ),
    params: q,
    url,
    serialize: (row: InvoiceRow) => row,
  });
  const lines = await loadLines(
    db,
    page.data.map((i) => i.id),
  );
  return { ...page, data: page.data.map((i) => serializeInvoice(i, lines.get(i.id) ?? [])) };
}
