// GET /api/v1/events/:id — one event
import { getEvent } from "@/lib/events/get-event";
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";

export const GET = withApiKey(operation("GET /api/v1/events/:id"), ({ ctx, params }) => getEvent({ ctx, id: String(params.id) }));
