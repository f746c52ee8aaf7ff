// POST /api/v1/invoices/:id/void — cancel an open invoice for good
import { withApiKey } from "@/lib/http/with-api-key";
import { voidInvoice } from "@/lib/invoices/void-invoice";

export const POST = withApiKey({ route: "/api/v1/invoices/:id/void" }, ({ ctx, params }) => voidInvoice({ ctx, id: String(params.id) }));
