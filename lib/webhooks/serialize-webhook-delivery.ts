import type { WebhookAttemptRow, WebhookDeliveryRow } from "@/db/schema";
import type { z } from "zod";
import type { WebhookDeliveryObject as WebhookDeliverySchema, WebhookAttemptObject as WebhookAttemptSchema } from "./webhook-object";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

export function serializeWebhookAttempt(a: WebhookAttemptRow) {
  return {
    number: a.number,
    status_code: a.statusCode,
    error: a.error,
    latency_ms: a.latencyMs,
    response_body: a.responseBody,
    created: seconds(a.createdAt)!,
  } satisfies z.input<typeof WebhookAttemptSchema>;
}

/** The delivery log's row: one event to one endpoint, with its tries when asked for. */
export function serializeWebhookDelivery(d: WebhookDeliveryRow, attempts?: WebhookAttemptRow[]) {
  return {
    id: d.id,
    object: "webhook_delivery" as const,
    endpoint: d.endpointId,
    event: d.eventId,
    event_type: d.eventType,
    status: d.status,
    attempt_count: d.attemptCount,
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    next_attempt: seconds(d.nextAttemptAt),
    completed: seconds(d.completedAt),
    created: seconds(d.createdAt)!,
    livemode: d.livemode,
    ...(attempts ? { attempts: attempts.map(serializeWebhookAttempt) } : {}),
  } satisfies z.input<typeof WebhookDeliverySchema>;
}

export type WebhookDeliveryObject = ReturnType<typeof serializeWebhookDelivery>;
