// Unit tests of the webhook functions with @inngest/test (sleeps mocked by step id),
// on a real PostgreSQL and a real local receiver. Their runs through the executor: lib/webhooks/delivery.test.ts.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { events, webhookDeliveries } from "@/db/schema";
import { toOutboundEvent } from "@/lib/events/publish-events";
import { withTransaction } from "@/lib/service/context";
import { emitEvent } from "@/test/events";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";

let h: DatabaseHandle & { url: string };
const answers: number[] = [];
let receiverUrl = "";
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(answers.shift() ?? 200).end("ok"));
});

beforeAll(async () => {
  h = await freshPostgres("whfn");
  process.env.DATABASE_URL = h.url;
  process.env.KASSA_WEBHOOKS_ALLOW_LOOPBACK = "1";
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await h.close();
});

async function eventWithEndpoint() {
  const { ctx } = await makeMerchant(h.db);
  const endpoint = await createWebhookEndpoint({ ctx, input: { url: receiverUrl, enabled_events: ["payment.*"] } });
  const eventId = await withTransaction(ctx, (tx) => emitEvent(tx, ctx, "payment.succeeded", { id: "pay_1", object: "payment" }));
  return { ctx, endpoint, eventId };
}

describe("webhook-fan-out", () => {
  it("creates one delivery per subscribed endpoint and hands each to webhook-deliver through the outbox", async () => {
    const { webhookFanOutFn } = await import("./webhook-fan-out");
    const { endpoint, eventId } = await eventWithEndpoint();
    const t = new InngestTestEngine({ function: webhookFanOutFn });
    const { result } = await t.execute({ events: [{ name: "kassa/payment.succeeded", data: { id: eventId, webhooks: true } }] });
    expect(result).toEqual({ deliveries: 1 });
    const rows = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId));
    expect(rows.map((r) => r.endpointId)).toEqual([endpoint.id]);
    // The hand-off is an outbox row committed with the delivery; the relay sends it as the workflow's event.
    const handOffs = await h.db.select().from(events).where(eq(events.type, "webhooks/delivery.requested"));
    const mine = handOffs.filter((e) => e.data.object.deliveryId === rows[0]!.id);
    expect(mine).toHaveLength(1);
    expect(toOutboundEvent(mine[0]!)).toEqual({
      id: mine[0]!.id,
      name: "webhooks/delivery.requested",
      data: { deliveryId: rows[0]!.id, endpointId: endpoint.id },
      ts: mine[0]!.createdAt.getTime(),
    });
  });
});

describe("webhook-deliver", () => {
  it("tries, waits (mocked), tries again and stops at the first 2xx", async () => {
    const { webhookDeliverFn } = await import("./webhook-deliver");
    const { createDeliveries } = await import("@/lib/webhooks/create-deliveries");
    const { eventId } = await eventWithEndpoint();
    const [delivery] = await createDeliveries({ db: h.db, eventId });
    answers.push(500);
    const t = new InngestTestEngine({ function: webhookDeliverFn, steps: [{ id: "wait-1", handler: () => undefined }] });
    const { result } = await t.execute({
      events: [{ name: "webhooks/delivery.requested", data: { deliveryId: delivery!.id, endpointId: delivery!.endpointId } }],
    });
    expect(result).toEqual({ outcome: "succeeded", status: 200 });
    const [row] = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
    expect(row).toMatchObject({ status: "succeeded", attemptCount: 2 });
  });
});
