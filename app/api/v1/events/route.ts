// GET /api/v1/events — the outbox as Stripe-shaped events, newest first
import { ListEventsInput, listEvents } from "@/lib/events/list-events";
import { withApiKey } from "@/lib/http/with-api-key";

export const GET = withApiKey({ route: "/api/v1/events", query: ListEventsInput }, ({ ctx, query, url }) =>
  listEvents({ ctx, input: query, url: url.pathname }),
);
