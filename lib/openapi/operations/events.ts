// Events: the API's operations (lib/openapi/operations.ts)
import { ListEventsInput } from "@/lib/events/list-events";
import type { OperationEntries } from "../operation-types";

export const eventsOperations = {
  "GET /api/v1/events/:id": {
    summary: "Get an event",
    description: "One event.",
    tag: "Events",
    auth: "secret",
    permission: "events:read",
    response: "Event",
    idempotent: false,
  },
  "GET /api/v1/events": {
    summary: "List events",
    description: "The outbox as Stripe-shaped events, newest first.",
    tag: "Events",
    auth: "secret",
    permission: "events:read",
    query: ListEventsInput,
    response: { list: "Event" },
    idempotent: false,
  },
} as const satisfies OperationEntries;
