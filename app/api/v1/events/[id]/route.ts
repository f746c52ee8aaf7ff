// GET /api/v1/events/:id — one event
import { getEvent } from "@/lib/events/get-event";
import { withApiKey } from "@/lib/http/with-api-key";

export const GET = withApiKey({ route: "/api/v1/events/:id" }, ({ ctx, params }) => getEvent({ ctx, id: String(params.id) }));
