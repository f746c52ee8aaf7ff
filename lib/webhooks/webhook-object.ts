// The API's `webhook_endpoint` and `webhook_delivery` (lib/webhooks/serialize-*.ts type their answers by these).
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_ENDPOINT_STATUSES } from "@/db/schema/webhooks";
import { idOf, livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const WebhookEndpointObject = z
  .strictObject({
    id: idOf("webhookEndpoint"),
    object: z.literal("webhook_endpoint"),
    url: z.string(),
    description: z.string().nullable(),
    enabled_events: z.array(z.string()).openapi({ description: 'Event types sent to it; ["*"] for all.' }),
    status: z.enum(WEBHOOK_ENDPOINT_STATUSES),
    disabled_reason: z.enum(["manual", "gone", "failing"]).nullable(),
    livemode: livemode(),
    created: unixTime("Created"),
    previous_secret_expires_at: unixTime("During a rotation, the previous secret stops signing").nullable(),
    secret: z.string().optional().openapi({ description: "The signing secret (whsec_…); only when just made or rotated, or asked for." }),
  })
  .openapi("WebhookEndpoint", { description: "Where Kassa sends events." });

export const WebhookAttemptObject = z
  .strictObject({
    number: z.int(),
    status_code: z.int().nullable(),
    error: z.string().nullable().openapi({ description: "timeout, refused, dns, blocked, tls or network, when no HTTP answer came." }),
    latency_ms: z.int(),
    response_body: z.string().nullable().openapi({ description: "The first 4 KB of the answer." }),
    created: unixTime("Sent"),
  })
  .openapi("WebhookAttempt", { description: "One HTTP try of a delivery." });

export const WebhookDeliveryObject = z
  .strictObject({
    id: idOf("webhookDelivery", "The delivery's id, also its webhook-id header."),
    object: z.literal("webhook_delivery"),
    endpoint: idOf("webhookEndpoint"),
    event: idOf("event"),
    event_type: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempt_count: z.int(),
    last_status_code: z.int().nullable(),
    last_error: z.string().nullable(),
    next_attempt: unixTime("The next try").nullable(),
    completed: unixTime("Succeeded or given up").nullable(),
    created: unixTime("Created"),
    livemode: livemode(),
    attempts: z.array(WebhookAttemptObject).optional().openapi({ description: "Every try, when asked for." }),
  })
  .openapi("WebhookDelivery", { description: "One event to one endpoint." });
