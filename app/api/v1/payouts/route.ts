// POST /api/v1/payouts — pay out of the available balance to a bank account; GET /api/v1/payouts — list payouts
import { withApiKey } from "@/lib/http/with-api-key";
import { createPayout } from "@/lib/payouts/create-payout";
import { CreatePayoutInput, ListPayoutsQuery } from "@/lib/payouts/inputs";
import { listPayouts } from "@/lib/payouts/list-payouts";

const route = "/api/v1/payouts";

export const POST = withApiKey({ route, body: CreatePayoutInput }, ({ ctx, body }) => createPayout({ ctx, input: body }));

export const GET = withApiKey({ route, query: ListPayoutsQuery }, ({ ctx, query, url }) => listPayouts({ ctx, input: query, url: url.pathname }));
