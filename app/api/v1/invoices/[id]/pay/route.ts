// POST /api/v1/invoices/:id/pay — charge an open invoice now
import { withApiKey } from "@/lib/http/with-api-key";
import { PayInvoiceInput } from "@/lib/invoices/inputs";
import { payInvoice } from "@/lib/invoices/pay-invoice";

export const POST = withApiKey({ route: "/api/v1/invoices/:id/pay", body: PayInvoiceInput }, ({ ctx, body, params }) =>
  payInvoice({ ctx, id: String(params.id), input: body }),
);
