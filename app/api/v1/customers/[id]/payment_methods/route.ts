// GET /api/v1/customers/:id/payment_methods — the customer's saved cards
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { listCustomerPaymentMethods } from "@/lib/customers/list-payment-methods";

export const GET = withApiKey(operation("GET /api/v1/customers/:id/payment_methods"), ({ ctx, query, params, url }) =>
  listCustomerPaymentMethods({ ctx, id: String(params.id), input: query, url: url.pathname }),
);
