// GET /api/v1/disputes/:id — one dispute
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { getDispute } from "@/lib/disputes/get-dispute";

export const GET = withApiKey(operation("GET /api/v1/disputes/:id"), ({ ctx, params }) => getDispute({ ctx, id: String(params.id) }));
