// POST /api/v1/payments — create (and optionally confirm) a payment; GET /api/v1/payments — list them
import { withApiKey } from "@/lib/http/with-api-key";
import { createPayment } from "@/lib/payments/create-payment";
import { CreatePaymentInput, ListPaymentsQuery } from "@/lib/payments/inputs";
import { listPayments } from "@/lib/payments/list-payments";

export const POST = withApiKey({ route: "/api/v1/payments", body: CreatePaymentInput }, ({ ctx, body }) => createPayment({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/payments", query: ListPaymentsQuery }, ({ ctx, query, url }) =>
  listPayments({ ctx, input: query, url: url.pathname }),
);
