// POST /api/v1/refunds — refund all or part of a payment; GET /api/v1/refunds — list refunds
import { withApiKey } from "@/lib/http/with-api-key";
import { createRefund } from "@/lib/refunds/create-refund";
import { CreateRefundInput, ListRefundsQuery } from "@/lib/refunds/inputs";
import { listRefunds } from "@/lib/refunds/list-refunds";

export const POST = withApiKey({ route: "/api/v1/refunds", body: CreateRefundInput }, ({ ctx, body }) => createRefund({ ctx, input: body }));

export const GET = withApiKey({ route: "/api/v1/refunds", query: ListRefundsQuery }, ({ ctx, query, url }) =>
  listRefunds({ ctx, input: query, url: url.pathname }),
);
