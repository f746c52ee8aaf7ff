// GET /api/v1/invoices/:id — one invoice with its lines
import { withApiKey } from "@/lib/http/with-api-key";
import { getInvoice } from "@/lib/invoices/get-invoice";

export const GET = withApiKey({ route: "/api/v1/invoices/:id" }, ({ ctx, params }) => getInvoice({ ctx, id: String(params.id) }));
