// GET /api/v1/events — the outbox as Stripe-shaped events, newest first
import { listEvents } from "@/lib/events/list-events";
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";

export const GET = withApiKey(operation("GET /api/v1/events"), ({ ctx, query, url }) => listEvents({ ctx, input: query, url: url.pathname }));
