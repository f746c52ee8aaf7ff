import type { EventRow } from "@/db/schema";

export function serializeEvent(e: EventRow) {
  return {
    id: e.id,
    object: "event" as const,
    type: e.type,
    created: Math.floor(e.createdAt.getTime() / 1000),
    livemode: e.livemode,
    request: { id: e.requestId, idempotency_key: e.idempotencyKey },
    data: e.data,
  };
}

export type EventObject = ReturnType<typeof serializeEvent>;
