import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, primaryId, tenant, timestamps } from "./columns";

export const WEBHOOK_ENDPOINT_STATUSES = ["enabled", "disabled"] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];
/** Why an endpoint is off: the merchant turned it off, the receiver answered 410, or it failed for 5 days. */
export type WebhookDisabledReason = "manual" | "gone" | "failing";

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: primaryId(),
    ...tenant,
    url: text().notNull(),
    description: text(),
    enabledEvents: jsonb().$type<string[]>().notNull(),
    status: text().$type<WebhookEndpointStatus>().notNull().default("enabled"),
    disabledReason: text().$type<WebhookDisabledReason>(),
    /** The signing secret, AES-256-GCM sealed (lib/crypto/encryption.ts), with the id of the key that sealed it. */
    secretCiphertext: text().notNull(),
    secretKeyId: text().notNull(),
    /** During a rotation the previous secret keeps signing alongside the new one until this time. */
    previousSecretCiphertext: text(),
    previousSecretKeyId: text(),
    previousSecretExpiresAt: timestamp({ withTimezone: true }),
    /** Set at the first failed delivery after a success; an endpoint failing for 5 days is disabled. */
    failingSince: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.merchantId, t.livemode, t.id)],
);
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event to one endpoint; its id is the `webhook-id` header, the same on every attempt. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: primaryId(),
    ...tenant,
    endpointId: text().notNull(),
    eventId: text().notNull(),
    eventType: text().notNull(),
    status: text().$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attemptCount: integer().notNull().default(0),
    lastStatusCode: integer(),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex().on(t.endpointId, t.eventId),
    index().on(t.merchantId, t.livemode, t.endpointId, t.id),
    index().on(t.merchantId, t.livemode, t.eventId),
    index("webhook_deliveries_failed_idx")
      .on(t.endpointId, t.createdAt)
      .where(sql`${t.status} = 'failed'`),
  ],
);
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Every HTTP try of a delivery: what was sent when, what came back. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: primaryId(),
    ...tenant,
    deliveryId: text().notNull(),
    number: integer().notNull(),
    statusCode: integer(),
    /** timeout | refused | dns | blocked | tls | network, when no HTTP answer came. */
    error: text(),
    latencyMs: integer().notNull(),
    /** The first 4 KB of the response body. */
    responseBody: text(),
    ...createdAt,
  },
  (t) => [index().on(t.deliveryId, t.number)],
);
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
