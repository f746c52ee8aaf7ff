import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, events, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { crashThenRetry as retryAfterCrash } from "@/test/idempotency";
import { makeMerchant, errorCodeOf as code } from "@/test/fixtures";
import { createDeliveries } from "./create-deliveries";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { getWebhookEndpoint, listWebhookEndpoints } from "./list-webhook-endpoints";
import { replayFailedDeliveries } from "./replay-failed-deliveries";
import { resendWebhookDelivery } from "./resend-webhook-delivery";
import { revealWebhookSecret } from "./reveal-webhook-secret";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";
import { withTransaction } from "@/lib/service/context";
import { emitEvent } from "@/test/events";
import { auditRows, eventRows } from "@/test/rows";
import { sendTestEvent } from "./send-test-event";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await freshPostgres("whe");
});
afterAll(() => h.close());

const URL_OK = "https://hooks.example.com/kassa";

async function owner(): Promise<ServiceContext> {
  return (await makeMerchant(h.db)).ctx;
}

const crashThenRetry = <T>(ctx: ServiceContext, path: string, verb: (ctx: ServiceContext) => Promise<T>) => retryAfterCrash(h.db, ctx, path, verb);

/** The internal events handing a delivery to the webhook-deliver workflow. */
async function handOffsOf(merchantId: string, deliveryId: string) {
  return (await eventRows(h.db, merchantId, "webhooks/delivery.requested")).filter((e) => e.data.object.deliveryId === deliveryId);
}

describe("webhook endpoints", () => {
  it("stores the secret sealed, never in clear, and reveals it (audited) to roles that may write", async () => {
    const ctx = await owner();
    const e = await createWebhookEndpoint({ ctx, input: { url: URL_OK, enabled_events: ["payment.*", "payment.*"] } });
    expect(e.enabled_events).toEqual(["payment.*"]);
    const [row] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, e.id));
    expect(JSON.stringify(row)).not.toContain(e.secret!.slice(6));
    expect(row!.secretKeyId).toBeTruthy();
    expect((await revealWebhookSecret({ ctx: { ...ctx, role: "developer" }, id: e.id })).secret).toBe(e.secret);
    expect(await code(revealWebhookSecret({ ctx: { ...ctx, role: "analyst" }, id: e.id }))).toBe("permission_denied");
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, e.id), eq(auditLog.action, "webhook_endpoint.secret_revealed")));
    expect(audits).toHaveLength(1);
  });

  it("roles: analysts and support cannot create or change endpoints; analysts cannot read them", async () => {
    const ctx = await owner();
    for (const role of ["analyst", "support"] as const) {
      expect(await code(createWebhookEndpoint({ ctx: { ...ctx, role }, input: { url: URL_OK, enabled_events: ["*"] } }))).toBe("permission_denied");
    }
    expect(await code(listWebhookEndpoints({ ctx: { ...ctx, role: "analyst" }, input: {}, url: "" }))).toBe("permission_denied");
  });

  it("another merchant or the other mode gets not-found for every verb", async () => {
    const a = await owner();
    const b = await owner();
    const e = await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["*"] } });
    const live = { ...a, livemode: true };
    for (const ctx of [b, live]) {
      expect(await code(getWebhookEndpoint({ ctx, id: e.id }))).toBe("resource_missing");
      expect(await code(updateWebhookEndpoint({ ctx, id: e.id, input: { disabled: true } }))).toBe("resource_missing");
      expect(await code(rotateWebhookSecret({ ctx, id: e.id }))).toBe("resource_missing");
      expect(await code(revealWebhookSecret({ ctx, id: e.id }))).toBe("resource_missing");
      expect(await code(deleteWebhookEndpoint({ ctx, id: e.id }))).toBe("resource_missing");
      expect(await code(listWebhookDeliveries({ ctx, endpointId: e.id, input: {}, url: "" }))).toBe("resource_missing");
      expect(await code(replayFailedDeliveries({ ctx, endpointId: e.id, input: { from: 0, to: 1 } }))).toBe("resource_missing");
      expect((await listWebhookEndpoints({ ctx, input: {}, url: "" })).data.map((x) => x.id)).not.toContain(e.id);
    }
    // A delivery of A's is as missing to B.
    const eventId = await withTransaction(a, (tx) => emitEvent(tx, a, "payment.succeeded", { id: "pay_1" }));
    const [d] = await createDeliveries({ db: h.db, eventId });
    expect(await code(resendWebhookDelivery({ ctx: b, id: d!.id }))).toBe("resource_missing");
  });

  it("fans an event out only to enabled endpoints of its merchant and mode whose filters match, once", async () => {
    const a = await owner();
    const all = await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["*"] } });
    const refunds = await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["refund.*"] } });
    const off = await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["*"], disabled: true } });
    const liveOne = await createWebhookEndpoint({ ctx: { ...a, livemode: true }, input: { url: URL_OK, enabled_events: ["*"] } });
    const eventId = await withTransaction(a, (tx) => emitEvent(tx, a, "payment.succeeded", { id: "pay_2" }));
    const first = await createDeliveries({ db: h.db, eventId });
    expect(first.map((d) => d.endpointId)).toEqual([all.id]);
    expect(await createDeliveries({ db: h.db, eventId })).toEqual(first);
    expect(await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId))).toHaveLength(1);
    for (const id of [refunds.id, off.id, liveOne.id]) expect(first.map((d) => d.endpointId)).not.toContain(id);
  });

  it("re-enabling clears the failure window; deleting keeps the log but stops listing it", async () => {
    const a = await owner();
    const e = await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["*"] } });
    await h.db
      .update(webhookEndpoints)
      .set({ status: "disabled", disabledReason: "failing", failingSince: new Date(0) })
      .where(eq(webhookEndpoints.id, e.id));
    const on = await updateWebhookEndpoint({ ctx: a, id: e.id, input: { disabled: false } });
    expect(on).toMatchObject({ status: "enabled", disabled_reason: null });
    const [row] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, e.id));
    expect(row!.failingSince).toBeNull();
    await deleteWebhookEndpoint({ ctx: a, id: e.id });
    expect((await listWebhookEndpoints({ ctx: a, input: {}, url: "" })).data).toEqual([]);
    expect(await h.db.select().from(events).where(eq(events.merchantId, a.merchantId))).toEqual([]);
  });

  it("refuses bad URLs at registration and on update with url_invalid", async () => {
    const a = await owner();
    for (const url of ["http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0177.0.0.1/", "https://localhost/h", "javascript:alert(1)"]) {
      expect(await code(createWebhookEndpoint({ ctx: a, input: { url, enabled_events: ["*"] } }))).toBe("url_invalid");
    }
    const e = await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["*"] } });
    expect(await code(updateWebhookEndpoint({ ctx: a, id: e.id, input: { url: "http://192.168.0.10/" } }))).toBe("url_invalid");
    expect(await code(createWebhookEndpoint({ ctx: { ...a, livemode: true }, input: { url: "http://hooks.example.com/", enabled_events: ["*"] } }))).toBe(
      "url_invalid",
    );
  });

  it("create, update, rotate and delete store their answer in their own commit: a retry after a crash replays it", async () => {
    const a = await owner();
    const created = await crashThenRetry(a, "/api/v1/webhook_endpoints", (ctx) =>
      createWebhookEndpoint({ ctx, input: { url: URL_OK, enabled_events: ["*"] } }),
    );
    expect(created.retry).toEqual({ kind: "replay", status: 200, body: created.first, text: JSON.stringify(created.first) });
    expect((await listWebhookEndpoints({ ctx: a, input: {}, url: "" })).data.map((e) => e.id)).toEqual([created.first.id]);
    const id = created.first.id;
    const rotated = await crashThenRetry(a, `/api/v1/webhook_endpoints/${id}/rotate_secret`, (ctx) => rotateWebhookSecret({ ctx, id }));
    expect(rotated.retry).toMatchObject({ kind: "replay", status: 200, body: { id, secret: rotated.first.secret } });
    const updated = await crashThenRetry(a, `/api/v1/webhook_endpoints/${id}`, (ctx) => updateWebhookEndpoint({ ctx, id, input: { description: "orders" } }));
    expect(updated.retry).toMatchObject({ kind: "replay", status: 200, body: { id, description: "orders" } });
    const deleted = await crashThenRetry(a, `/api/v1/webhook_endpoints/${id}`, (ctx) => deleteWebhookEndpoint({ ctx, id }));
    expect(deleted.retry).toMatchObject({ kind: "replay", status: 200, body: { id, deleted: true } });
  });
});

describe("hand-offs to the webhook-deliver workflow", () => {
  it("each new delivery is handed off once, in the fan-out's commit; a retried fan-out hands off nothing more", async () => {
    const a = await owner();
    const e = await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["*"] } });
    const eventId = await withTransaction(a, (tx) => emitEvent(tx, a, "payment.succeeded", { id: "pay_3" }));
    const [d] = await createDeliveries({ db: h.db, eventId });
    await createDeliveries({ db: h.db, eventId });
    const handOffs = await handOffsOf(a.merchantId, d!.id);
    expect(handOffs.map((x) => x.data.object)).toEqual([{ deliveryId: d!.id, endpointId: e.id }]);
    // A hand-off is no API event: neither listed, fetched nor fanned out to the merchant's endpoints.
    expect(await createDeliveries({ db: h.db, eventId: handOffs[0]!.id })).toEqual([]);
    expect(await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, handOffs[0]!.id))).toEqual([]);
  });

  it("a resend and a replay hand the delivery off again, a new event each time; a retry after a crash replays the answer and hands off nothing", async () => {
    const a = await owner();
    await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["*"] } });
    const eventId = await withTransaction(a, (tx) => emitEvent(tx, a, "payment.succeeded", { id: "pay_4" }));
    const [d] = await createDeliveries({ db: h.db, eventId });
    const resent = await crashThenRetry(a, `/api/v1/webhook_deliveries/${d!.id}/resend`, (ctx) => resendWebhookDelivery({ ctx, id: d!.id }));
    expect(resent.retry).toMatchObject({ kind: "replay", status: 200, body: { id: d!.id, status: "pending" } });
    await resendWebhookDelivery({ ctx: a, id: d!.id });
    const afterResends = await handOffsOf(a.merchantId, d!.id);
    expect(afterResends).toHaveLength(3);
    expect(new Set(afterResends.map((x) => x.id)).size).toBe(3);
    await h.db.update(webhookDeliveries).set({ status: "failed" }).where(eq(webhookDeliveries.id, d!.id));
    const now = Math.ceil(Date.now() / 1000) + 1;
    const replayed = await crashThenRetry(a, `/api/v1/webhook_endpoints/${d!.endpointId}/replay`, (ctx) =>
      replayFailedDeliveries({ ctx, endpointId: d!.endpointId, input: { from: 0, to: now } }),
    );
    expect(replayed.first).toEqual({ object: "list", replayed: 1 });
    expect(replayed.retry).toMatchObject({ kind: "replay", status: 200, body: { object: "list", replayed: 1 } });
    expect(await handOffsOf(a.merchantId, d!.id)).toHaveLength(4);
    expect(await auditRows(h.db, a.merchantId, "webhook_delivery.resent")).toHaveLength(2);
  });

  it("a test event is handed off to its one endpoint with its delivery; the test event itself never reaches the relay", async () => {
    const a = await owner();
    const e = await createWebhookEndpoint({ ctx: a, input: { url: URL_OK, enabled_events: ["*"] } });
    const sent = await crashThenRetry(a, `/api/v1/webhook_endpoints/${e.id}/test`, (ctx) => sendTestEvent({ ctx, id: e.id }));
    expect(sent.retry).toMatchObject({ kind: "replay", status: 200, body: sent.first });
    expect(await handOffsOf(a.merchantId, sent.first.id)).toHaveLength(1);
    const [test] = await eventRows(h.db, a.merchantId, "webhook_endpoint.test");
    expect(test!.publishedAt).not.toBeNull();
  });
});
