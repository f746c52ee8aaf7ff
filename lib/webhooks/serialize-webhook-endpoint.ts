import type { WebhookEndpointRow } from "@/db/schema";
import type { z } from "zod";
import type { WebhookEndpointObject as WebhookEndpointSchema } from "./webhook-object";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** The API's `webhook_endpoint`; the secret only when it was just made (create, rotate) or asked for. */
export function serializeWebhookEndpoint(e: WebhookEndpointRow, secret?: string) {
  return {
    id: e.id,
    object: "webhook_endpoint" as const,
    url: e.url,
    description: e.description,
    enabled_events: e.enabledEvents,
    status: e.status,
    disabled_reason: e.disabledReason,
    livemode: e.livemode,
    created: seconds(e.createdAt)!,
    previous_secret_expires_at: seconds(e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date() ? e.previousSecretExpiresAt : null),
    ...(secret ? { secret } : {}),
  } satisfies z.input<typeof WebhookEndpointSchema>;
}

export type WebhookEndpointObject = ReturnType<typeof serializeWebhookEndpoint>;
