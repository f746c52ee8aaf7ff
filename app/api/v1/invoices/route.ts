// POST /api/v1/invoices — a draft billing a subscription's pending prorations now; GET /api/v1/invoices — list invoices
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createInvoice } from "@/lib/invoices/create-invoice";
import { listInvoices } from "@/lib/invoices/list-invoices";

export const POST = withApiKey(operation("POST /api/v1/invoices"), ({ ctx, body }) => createInvoice({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/invoices"), ({ ctx, query, url }) => listInvoices({ ctx, input: query, url: url.pathname }));
