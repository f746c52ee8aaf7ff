// GET /api/v1/invoices/upcoming?subscription=sub_… — preview what the subscription's next renewal will bill
import { withApiKey } from "@/lib/http/with-api-key";
import { previewUpcomingInvoice, UpcomingInvoiceQuery } from "@/lib/invoices/preview-upcoming-invoice";

export const GET = withApiKey({ route: "/api/v1/invoices/upcoming", query: UpcomingInvoiceQuery }, ({ ctx, query }) =>
  previewUpcomingInvoice({ ctx, input: query }),
);
