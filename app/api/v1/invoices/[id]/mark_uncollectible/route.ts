// POST /api/v1/invoices/:id/mark_uncollectible — write an open invoice off as bad debt (it stays payable)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { markInvoiceUncollectible } from "@/lib/invoices/mark-uncollectible";

export const POST = withApiKey(operation("POST /api/v1/invoices/:id/mark_uncollectible"), ({ ctx, params }) =>
  markInvoiceUncollectible({ ctx, id: String(params.id) }),
);
