// GET /api/v1/disputes — the merchant's disputes, newest first
import { withApiKey } from "@/lib/http/with-api-key";
import { ListDisputesQuery } from "@/lib/disputes/inputs";
import { listDisputes } from "@/lib/disputes/list-disputes";

export const GET = withApiKey({ route: "/api/v1/disputes", query: ListDisputesQuery }, ({ ctx, query, url }) =>
  listDisputes({ ctx, input: query, url: url.pathname }),
);
