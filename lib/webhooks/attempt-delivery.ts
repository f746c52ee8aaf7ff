import { and, eq, isNull, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Executor } from "@/db/client";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints, type WebhookDeliveryRow, type WebhookEndpointRow } from "@/db/schema";
import { commit, commitWrites, type Changes } from "@/lib/service/commit";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { toJson } from "@/lib/service/json";
import { serializeEvent } from "@/lib/events/serialize-event";
import { newId } from "@/lib/ids";
import { safeFetch } from "./safe-fetch";
import { RETRY_SCHEDULE_S, retryDelaySeconds } from "./schedule";
import { signingSecrets } from "./secrets";

export const DELIVERY_TIMEOUT_MS = 15_000;
/** The per-try timeout: 15 s (tests shorten it with KASSA_WEBHOOK_TIMEOUT_MS). */
const deliveryTimeoutMs = () => Number(process.env.KASSA_WEBHOOK_TIMEOUT_MS ?? DELIVERY_TIMEOUT_MS);
/** An endpoint whose deliveries have all failed for this long is disabled. */
export const FAILING_DISABLE_AFTER_MS = 5 * 24 * 60 * 60 * 1000;
const RETRY_AFTER_STATUSES = new Set([429, 502, 504]);
const MAX_RETRY_AFTER_S = 24 * 60 * 60;

export type AttemptResult =
  | { outcome: "succeeded"; status: number }
  /** Failed; try again after `waitSeconds` (the schedule, or the receiver's Retry-After). */
  | { outcome: "retry"; status: number | null; error: string | null; waitSeconds: number }
  /** Failed and the schedule is used up: give up. */
  | { outcome: "exhausted"; status: number | null; error: string | null }
  /** Nothing more to try: the endpoint is gone (410), disabled or deleted, or the delivery is done. */
  | { outcome: "stop"; reason: string };

/** The Standard Webhooks headers for one message, signed with every current secret (space-separated). */
export function signedHeaders(msgId: string, timestamp: Date, body: string, secrets: string[]): Record<string, string> {
  const signature = secrets.map((s) => new Webhook(s).sign(msgId, timestamp, body)).join(" ");
  return {
    "content-type": "application/json",
    "user-agent": "Kassa-Webhooks/1.0",
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

function retryAfterSeconds(status: number, headers: Record<string, string | string[] | undefined>, now: Date): number | null {
  if (!RETRY_AFTER_STATUSES.has(status)) return null;
  const raw = headers["retry-after"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : Math.ceil((Date.parse(value) - now.getTime()) / 1000);
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return Math.min(Math.max(seconds, 1), MAX_RETRY_AFTER_S);
}

/**
 * One HTTP try of a delivery (system verb, called by the webhook-deliver function): the event exactly
 * as GET /api/v1/events/:id returns it, signed per Standard Webhooks with a `webhook-id` that is the
 * delivery id on every try; only 2xx succeeds, 3xx is a failure (never followed), 410 disables the
 * endpoint. Records the attempt and the delivery's state.
 */
export async function attemptDelivery({ db, deliveryId, now = new Date() }: { db: Executor; deliveryId: string; now?: Date }): Promise<AttemptResult> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: events })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return { outcome: "stop", reason: "no such delivery" };
  const { delivery, endpoint, event } = row;
  if (delivery.status === "succeeded") return { outcome: "stop", reason: "already delivered" };
  if (endpoint.deletedAt || endpoint.status !== "enabled") {
    await commitWrites(deliveryContext(db, delivery), db, (db) => [
      finish(db, delivery, { status: "failed", lastError: `endpoint ${endpoint.deletedAt ? "deleted" : "disabled"}` }),
    ]);
    return { outcome: "stop", reason: "endpoint disabled" };
  }

  const body = toJson(serializeEvent(event));
  const headers = signedHeaders(delivery.id, now, body, signingSecrets(endpoint, now));
  const res = await safeFetch(endpoint.url, { method: "POST", headers, body, timeoutMs: deliveryTimeoutMs(), livemode: endpoint.livemode });
  const number = delivery.attemptCount + 1;
  const status = "status" in res ? res.status : null;
  // The try and what it means for the delivery and its endpoint, in one commit.
  return commit<AttemptResult>(deliveryContext(db, delivery), async (tx, changes) => {
    await tx.insert(webhookAttempts).values({
      id: newId("webhookAttempt"),
      merchantId: delivery.merchantId,
      livemode: delivery.livemode,
      deliveryId: delivery.id,
      number,
      statusCode: status,
      error: "error" in res ? res.error : null,
      latencyMs: Math.round(res.latencyMs),
      responseBody: "bodyText" in res ? res.bodyText : "message" in res ? res.message : null,
    });

    if (status !== null && status >= 200 && status < 300) {
      await finish(tx, delivery, { status: "succeeded", attemptCount: number, lastStatusCode: status, lastError: null, completedAt: now, nextAttemptAt: null });
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(and(eq(webhookEndpoints.id, endpoint.id), sql`${webhookEndpoints.failingSince} is not null`));
      return { outcome: "succeeded", status };
    }
    const error =
      "error" in res ? `${res.error}: ${res.message}` : status !== null && status >= 300 && status < 400 ? `redirect ${status} not followed` : `HTTP ${status}`;
    await tx
      .update(webhookEndpoints)
      .set({ failingSince: now })
      .where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.failingSince)));
    if (status === 410) {
      await finish(tx, delivery, {
        status: "failed",
        attemptCount: number,
        lastStatusCode: status,
        lastError: "410 Gone: endpoint disabled",
        completedAt: now,
        nextAttemptAt: null,
      });
      await disableEndpoint(tx, changes, endpoint, "gone");
      return { outcome: "stop", reason: "410 gone" };
    }
    if (endpoint.failingSince && now.getTime() - endpoint.failingSince.getTime() >= FAILING_DISABLE_AFTER_MS) {
      await finish(tx, delivery, { status: "failed", attemptCount: number, lastStatusCode: status, lastError: error, completedAt: now, nextAttemptAt: null });
      await disableEndpoint(tx, changes, endpoint, "failing");
      return { outcome: "stop", reason: "endpoint failing for 5 days" };
    }
    if (number >= RETRY_SCHEDULE_S.length) {
      await finish(tx, delivery, { attemptCount: number, lastStatusCode: status, lastError: error, nextAttemptAt: null });
      return { outcome: "exhausted", status, error };
    }
    const told = status !== null && "headers" in res ? retryAfterSeconds(status, res.headers, now) : null;
    const waitSeconds = told ?? retryDelaySeconds(delivery.id, number);
    await finish(tx, delivery, { attemptCount: number, lastStatusCode: status, lastError: error, nextAttemptAt: new Date(now.getTime() + waitSeconds * 1000) });
    return { outcome: "retry", status, error, waitSeconds };
  });
}

/** The system context of a delivery's writes (the webhook-deliver workflow acting for its merchant). */
export function deliveryContext(db: Executor, delivery: Pick<WebhookDeliveryRow, "merchantId" | "livemode">): ServiceContext {
  return { merchantId: delivery.merchantId, livemode: delivery.livemode, actor: systemActor("webhook-deliver"), db };
}

function finish(db: Executor, delivery: WebhookDeliveryRow, set: Partial<WebhookDeliveryRow>) {
  return db.update(webhookDeliveries).set(set).where(eq(webhookDeliveries.id, delivery.id));
}

/** Turns an endpoint off for a reason the merchant must see (410, or failing for days), with an audit row. */
export async function disableEndpoint(tx: Executor, changes: Changes, endpoint: WebhookEndpointRow, reason: "gone" | "failing"): Promise<void> {
  const [changed] = await tx
    .update(webhookEndpoints)
    .set({ status: "disabled", disabledReason: reason })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.status, "enabled")))
    .returning({ id: webhookEndpoints.id });
  if (!changed) return;
  changes.audit({
    action: "webhook_endpoint.disabled",
    targetType: "webhook_endpoint",
    targetId: endpoint.id,
    metadata: { reason: reason === "gone" ? "the endpoint answered 410 Gone" : "every delivery failed for 5 days", url: endpoint.url },
  });
}
