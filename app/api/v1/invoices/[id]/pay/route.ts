// POST /api/v1/invoices/:id/pay — charge an open invoice now
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { payInvoice } from "@/lib/invoices/pay-invoice";

export const POST = withApiKey(operation("POST /api/v1/invoices/:id/pay"), ({ ctx, body, params }) => payInvoice({ ctx, id: String(params.id), input: body }));
