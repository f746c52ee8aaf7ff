// POST /api/v1/invoices/:id/void — cancel an open invoice for good
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { voidInvoice } from "@/lib/invoices/void-invoice";

export const POST = withApiKey(operation("POST /api/v1/invoices/:id/void"), ({ ctx, params }) => voidInvoice({ ctx, id: String(params.id) }));
