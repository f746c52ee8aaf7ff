// POST /api/v1/invoices/:id/finalize — draft → open, numbered
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { finalizeInvoice } from "@/lib/invoices/finalize-invoice";

export const POST = withApiKey(operation("POST /api/v1/invoices/:id/finalize"), ({ ctx, params }) => finalizeInvoice({ ctx, id: String(params.id) }));
