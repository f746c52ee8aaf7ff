// POST /api/v1/invoices — a draft billing a subscription's pending prorations now; GET /api/v1/invoices — list invoices
import { withApiKey } from "@/lib/http/with-api-key";
import { createInvoice } from "@/lib/invoices/create-invoice";
import { CreateInvoiceInput, ListInvoicesQuery } from "@/lib/invoices/inputs";
import { listInvoices } from "@/lib/invoices/list-invoices";

export const POST = withApiKey({ route: "/api/v1/invoices", body: CreateInvoiceInput }, ({ ctx, body }) => createInvoice({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/invoices", query: ListInvoicesQuery }, ({ ctx, query, url }) =>
  listInvoices({ ctx, input: query, url: url.pathname }),
);
