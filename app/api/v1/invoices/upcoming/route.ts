// GET /api/v1/invoices/upcoming?subscription=sub_… — preview what the subscription's next renewal will bill
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { previewUpcomingInvoice } from "@/lib/invoices/preview-upcoming-invoice";

export const GET = withApiKey(operation("GET /api/v1/invoices/upcoming"), ({ ctx, query }) => previewUpcomingInvoice({ ctx, input: query }));
