// The API's `event` (lib/events/serialize-event.ts types its answer by this schema). `data.object` is the
// object the event is about, in its own schema (see the document's webhooks); here it is any object.
import { idOf, livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const EventObject = z
  .strictObject({
    id: idOf("event"),
    object: z.literal("event"),
    type: z.string().openapi({ description: "The event type, e.g. payment.succeeded.", example: "payment.succeeded" }),
    created: unixTime("Created"),
    livemode: livemode(),
    request: z
      .strictObject({
        id: z.string().nullable().openapi({ description: "The API request that caused it (Request-Id); null for Kassa's own changes." }),
        idempotency_key: z.string().nullable(),
      })
      .openapi({ description: "The request that caused the event." }),
    data: z
      .strictObject({
        object: z.record(z.string(), z.unknown()).openapi({ description: "The object after the change." }),
        previous_attributes: z.record(z.string(), z.unknown()).optional().openapi({ description: "The changed fields' earlier values." }),
      })
      .openapi({ description: "The object the event is about." }),
  })
  .openapi("Event", { description: "Something that happened in the account; also the body of every webhook." });
