// POST /api/v1/payouts — pay out of the available balance to a bank account; GET /api/v1/payouts — list payouts
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { createPayout } from "@/lib/payouts/create-payout";
import { listPayouts } from "@/lib/payouts/list-payouts";

export const POST = withApiKey(operation("POST /api/v1/payouts"), ({ ctx, body }) => createPayout({ ctx, input: body }));

export const GET = withApiKey(operation("GET /api/v1/payouts"), ({ ctx, query, url }) => listPayouts({ ctx, input: query, url: url.pathname }));
