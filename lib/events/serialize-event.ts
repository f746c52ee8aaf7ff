import type { EventRow } from "@/db/schema";
import type { z } from "zod";
import type { EventObject as EventSchema } from "./event-object";

export function serializeEvent(e: EventRow) {
  return {
    id: e.id,
    object: "event" as const,
    type: e.type,
    created: Math.floor(e.createdAt.getTime() / 1000),
    livemode: e.livemode,
    request: { id: e.requestId, idempotency_key: e.idempotencyKey },
    data: e.data,
  } satisfies z.input<typeof EventSchema>;
}

export type EventObject = ReturnType<typeof serializeEvent>;
