import { z } from "zod";
import { listParams } from "@/lib/service/pagination";
import { isEventFilter } from "@/lib/events/event-types";

const enabledEvents = z
  .array(
    z
      .string()
      .min(1)
      .max(100)
      .refine(isEventFilter, "is not an event type (such as payment.succeeded), a wildcard (refund.*) or *")
      // The refinement in the OpenAPI document (lib/openapi): the webhooks section lists every type.
      .meta({ description: "An event type (such as payment.succeeded), a prefix wildcard of known types (refund.*), or *." }),
  )
  .min(1)
  .max(50);

export const CreateWebhookEndpointInput = z.strictObject({
  url: z.string().min(1).max(2048),
  enabled_events: enabledEvents,
  description: z.string().max(500).optional(),
  disabled: z.boolean().optional(),
});

export const UpdateWebhookEndpointInput = z.strictObject({
  url: z.string().min(1).max(2048).optional(),
  enabled_events: enabledEvents.optional(),
  description: z.union([z.string().max(500), z.null()]).optional(),
  disabled: z.boolean().optional(),
});

export const ListWebhookEndpointsQuery = z.strictObject({ ...listParams });

export const ListWebhookDeliveriesQuery = z.strictObject({
  ...listParams,
  status: z.enum(["pending", "succeeded", "failed"]).optional(),
  event: z.string().min(1).max(255).optional(),
});

export const ReplayFailedInput = z.strictObject({
  /** Unix seconds: replay failed deliveries created in [from, to]. */
  from: z.int().min(0),
  to: z.int().min(0),
});
