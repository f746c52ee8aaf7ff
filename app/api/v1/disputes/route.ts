// GET /api/v1/disputes — the merchant's disputes, newest first
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { listDisputes } from "@/lib/disputes/list-disputes";

export const GET = withApiKey(operation("GET /api/v1/disputes"), ({ ctx, query, url }) => listDisputes({ ctx, input: query, url: url.pathname }));
