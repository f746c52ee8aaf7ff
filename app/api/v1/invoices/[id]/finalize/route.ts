// POST /api/v1/invoices/:id/finalize — draft → open, numbered
import { withApiKey } from "@/lib/http/with-api-key";
import { finalizeInvoice } from "@/lib/invoices/finalize-invoice";

export const POST = withApiKey({ route: "/api/v1/invoices/:id/finalize" }, ({ ctx, params }) => finalizeInvoice({ ctx, id: String(params.id) }));
