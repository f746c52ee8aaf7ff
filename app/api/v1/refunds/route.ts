// POST /api/v1/refunds — refund all or part of a payment; GET /api/v1/refunds — list refunds
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createRefund } from "@/lib/refunds/create-refund";
import { listRefunds } from "@/lib/refunds/list-refunds";

export const POST = withApiKey(operation("POST /api/v1/refunds"), ({ ctx, body }) => createRefund({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/refunds"), ({ ctx, query, url }) => listRefunds({ ctx, input: query, url: url.pathname }));
