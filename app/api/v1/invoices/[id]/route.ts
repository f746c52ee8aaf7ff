// GET /api/v1/invoices/:id — one invoice with its lines
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getInvoice } from "@/lib/invoices/get-invoice";

export const GET = withApiKey(operation("GET /api/v1/invoices/:id"), ({ ctx, params }) => getInvoice({ ctx, id: String(params.id) }));
