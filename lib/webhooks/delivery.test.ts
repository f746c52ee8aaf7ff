// Outbound webhooks end to end at the workflow level: the real serve() handler and functions, the
// local executor on a fake clock, real HTTP receivers on 127.0.0.1, real PostgreSQL.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, events, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { FakeClock, startExecutor, type Executor } from "@/inngest/local";
import { startApp } from "@/inngest/local/test-app";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { emitEvent } from "@/test/events";
import type { EventSender } from "@/lib/events/publish-events";
import { publishPendingEvents } from "@/lib/events/publish-events";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { signedHeaders } from "./attempt-delivery";
import { signingSecrets } from "./secrets";
import { giveUpDelivery } from "./give-up-delivery";
import { resendWebhookDelivery } from "./resend-webhook-delivery";
import { sendTestEvent } from "./send-test-event";
import { setWebhookLookupForTests } from "./safe-fetch";

let h: DatabaseHandle & { url: string };
let executor: Executor;
let app: { url: string; close(): Promise<void> };
let send: EventSender;
const clock = new FakeClock(new Date());

beforeAll(async () => {
  h = await freshPostgres("wh");
  process.env.DATABASE_URL = h.url;
  process.env.KASSA_WEBHOOKS_ALLOW_LOOPBACK = "1";
  process.env.KASSA_WEBHOOK_TIMEOUT_MS = "400";
  executor = await startExecutor({ db: h.db, port: 0, clock, jitter: () => 0, pollMs: 20, log: { warn: () => {}, error: () => {} } });
  process.env.INNGEST_DEV = executor.url;
  const { inngest } = await import("@/inngest/client");
  // Only the webhook functions: the platform crons would keep the fake clock busy forever.
  const { webhookFanOutFn } = await import("@/inngest/functions/webhook-fan-out");
  const { webhookDeliverFn } = await import("@/inngest/functions/webhook-deliver");
  const functions = [webhookFanOutFn, webhookDeliverFn];
  ({ sendToInngest: send } = await import("@/inngest/send"));
  app = await startApp(inngest, functions);
  await executor.syncApp(app.url);
});
afterAll(async () => {
  await executor?.stop();
  await app?.close();
  await h?.close();
});

type Reply = number | { status: number; headers?: Record<string, string> } | "hang";
/** A merchant's receiver: answers from a script (then 200), records every request. */
async function receiver(script: Reply[] | ((n: number) => Reply) = []) {
  const got: { headers: IncomingHttpHeaders; body: string; at: number }[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      got.push({ headers: req.headers, body, at: clock.now().getTime() });
      const reply = typeof script === "function" ? script(got.length) : (script[got.length - 1] ?? 200);
      if (reply === "hang") return void hanging.push(res);
      const { status, headers } = typeof reply === "number" ? { status: reply, headers: {} } : reply;
      res.writeHead(status, headers).end(`answer ${status}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    got,
    close: () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

async function setup(url: string, events = ["*"]) {
  const { ctx } = await makeMerchant(h.db);
  const apiCtx: ServiceContext = { ...ctx, db: undefined, actor: { type: "api_key", id: "key_test" } };
  const endpoint = await createWebhookEndpoint({ ctx: apiCtx, input: { url, enabled_events: events } });
  return { ctx: apiCtx, endpoint };
}

async function emit(ctx: ServiceContext, type = "payment.succeeded", object: Record<string, unknown> = { id: "pay_x", object: "payment", amount: 1000 }) {
  const id = await withTransaction(ctx, (tx) => emitEvent(tx, ctx, type, object));
  await drain();
  return id;
}

/**
 * The outbox relay's passes and the executor's runs until neither has work left: the fan-out commits
 * each delivery's hand-off to the outbox, and the relay sends it on to webhook-deliver.
 */
async function drain() {
  for (let i = 0; i < 50; i++) {
    await executor.idle();
    if ((await publishPendingEvents({ send })) === 0) return;
  }
  throw new Error("the outbox never drained");
}

/** Runs the executor's clock forward timer by timer until nothing is queued (or `until`). */
async function settle(until?: Date) {
  for (let i = 0; i < 500; i++) {
    await drain();
    const next = await executor.nextDueAt();
    if (!next || (until && next > until)) return;
    await clock.advanceTo(next);
  }
  throw new Error("still work queued");
}

async function deliveriesOf(endpointId: string) {
  return h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
}

describe("outbound webhooks", () => {
  it("signs each delivery so the standardwebhooks library verifies it; tampering or a stale timestamp fails", async () => {
    const r = await receiver();
    try {
      const { ctx, endpoint } = await setup(r.url);
      const eventId = await emit(ctx);
      await settle(new Date(clock.now().getTime() + 1000));
      expect(r.got).toHaveLength(1);
      const [hit] = r.got;
      const wh = new Webhook(endpoint.secret!);
      expect(wh.verify(hit!.body, hit!.headers as Record<string, string>)).toMatchObject({ id: eventId, type: "payment.succeeded" });
      expect(() => wh.verify(hit!.body.replace("1000", "1001"), hit!.headers as Record<string, string>)).toThrow();
      const stale = signedHeaders("wd_x", new Date(Date.now() - 10 * 60_000), hit!.body, [endpoint.secret!]);
      expect(() => wh.verify(hit!.body, stale)).toThrow(/timestamp/i);
    } finally {
      await r.close();
    }
  });

  it("a merchant without endpoints starts no fan-out run at all", async () => {
    const { ctx } = await makeMerchant(h.db);
    const { inngestRuns } = await import("@/inngest/local/schema");
    const before = (await h.db.select().from(inngestRuns)).length;
    await emit({ ...ctx, db: undefined });
    expect((await h.db.select().from(inngestRuns)).length).toBe(before);
  });

  it("500, 500, 200 → three tries on the schedule, one webhook-id, one success", async () => {
    const r = await receiver([500, 500, 200]);
    try {
      const { ctx, endpoint } = await setup(r.url);
      await emit(ctx);
      await settle();
      expect(r.got.map((g) => g.headers["webhook-id"])).toEqual(Array(3).fill(r.got[0]!.headers["webhook-id"]));
      const gaps = [r.got[1]!.at - r.got[0]!.at, r.got[2]!.at - r.got[1]!.at];
      expect(gaps[0]).toBeGreaterThanOrEqual(4_500); // 5 s ± 10%
      expect(gaps[0]).toBeLessThanOrEqual(5_500);
      expect(gaps[1]).toBeGreaterThanOrEqual(270_000); // 5 min ± 10%
      expect(gaps[1]).toBeLessThanOrEqual(330_000);
      const [d] = await deliveriesOf(endpoint.id);
      expect(d).toMatchObject({ status: "succeeded", attemptCount: 3, lastStatusCode: 200 });
      const tries = await h.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, d!.id));
      expect(tries.map((t) => t.statusCode).sort()).toEqual([200, 500, 500]);
    } finally {
      await r.close();
    }
  });

  it("410 disables the endpoint (with an audit row); later events are not sent", async () => {
    const r = await receiver([410]);
    try {
      const { ctx, endpoint } = await setup(r.url);
      await emit(ctx);
      await settle();
      const [e] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      expect(e).toMatchObject({ status: "disabled", disabledReason: "gone" });
      const audits = await h.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, endpoint.id), eq(auditLog.action, "webhook_endpoint.disabled")));
      expect(audits).toHaveLength(1);
      await emit(ctx);
      await settle();
      expect(r.got).toHaveLength(1);
    } finally {
      await r.close();
    }
  });

  it("a 301 is a failure and its Location is never contacted", async () => {
    const target = await receiver();
    const r = await receiver((n) => (n === 1 ? { status: 301, headers: { location: target.url } } : 200));
    try {
      const { ctx, endpoint } = await setup(r.url);
      await emit(ctx);
      await settle();
      expect(target.got).toHaveLength(0);
      const tries = await h.db
        .select()
        .from(webhookAttempts)
        .where(eq(webhookAttempts.deliveryId, (await deliveriesOf(endpoint.id))[0]!.id));
      expect(tries.map((t) => t.statusCode).sort()).toEqual([200, 301]);
    } finally {
      await r.close();
      await target.close();
    }
  });

  it("a receiver that hangs is a timeout failure, retried", async () => {
    const r = await receiver(["hang", 200]);
    try {
      const { ctx, endpoint } = await setup(r.url);
      await emit(ctx);
      await settle();
      const tries = await h.db
        .select()
        .from(webhookAttempts)
        .where(eq(webhookAttempts.deliveryId, (await deliveriesOf(endpoint.id))[0]!.id));
      expect(tries.map((t) => t.error ?? String(t.statusCode)).sort()).toEqual(["200", "timeout"]);
    } finally {
      await r.close();
    }
  });

  it("429 with Retry-After waits as told", async () => {
    const r = await receiver([{ status: 429, headers: { "retry-after": "120" } }, 200]);
    try {
      const { ctx } = await setup(r.url);
      await emit(ctx);
      await settle();
      expect(r.got[1]!.at - r.got[0]!.at).toBeGreaterThanOrEqual(120_000);
      expect(r.got[1]!.at - r.got[0]!.at).toBeLessThan(130_000);
    } finally {
      await r.close();
    }
  });

  it("a receiver down for an hour gets every event once it is back, none succeeded twice", async () => {
    const downUntil = clock.now().getTime() + 3600_000;
    const r = await receiver(() => (clock.now().getTime() < downUntil ? 503 : 200));
    try {
      const { ctx, endpoint } = await setup(r.url, ["payment.*"]);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await emit(ctx, "payment.succeeded", { id: `pay_${i}`, object: "payment" }));
      await settle();
      const ds = await deliveriesOf(endpoint.id);
      expect(ds.map((d) => d.status)).toEqual(Array(5).fill("succeeded"));
      const successes = r.got.filter((g) => g.at >= downUntil);
      expect(successes.map((g) => JSON.parse(g.body).id).sort()).toEqual([...ids].sort());
    } finally {
      await r.close();
    }
  });

  it("rotation: both secrets sign during the overlap; after it only the new one", async () => {
    const r = await receiver();
    try {
      const { ctx, endpoint } = await setup(r.url);
      const rotated = await rotateWebhookSecret({ ctx, id: endpoint.id });
      await emit(ctx);
      await settle(new Date(clock.now().getTime() + 1000));
      const [hit] = r.got;
      const headers = hit!.headers as Record<string, string>;
      expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
      expect(new Webhook(endpoint.secret!).verify(hit!.body, headers)).toBeTruthy();
      expect(new Webhook(rotated.secret!).verify(hit!.body, headers)).toBeTruthy();
      const [row] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      const later = new Date(Date.now() + 25 * 3600_000);
      const after = signedHeaders("wd_y", new Date(), hit!.body, signingSecrets(row!, later));
      expect(new Webhook(rotated.secret!).verify(hit!.body, after)).toBeTruthy();
      expect(() => new Webhook(endpoint.secret!).verify(hit!.body, after)).toThrow();
    } finally {
      await r.close();
    }
  });

  it("SSRF at send time: a hostname that resolves to 127.0.0.1 after registration is refused without connecting", async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    const wasLoopback = process.env.KASSA_WEBHOOKS_ALLOW_LOOPBACK;
    try {
      // Registered while it resolved to a public address…
      setWebhookLookupForTests(async () => [{ address: "93.184.216.34", family: 4 }]);
      const { ctx, endpoint } = await setup(`http://hooks.merchant.example:${port}/hooks`);
      // …then it points at this machine.
      process.env.KASSA_WEBHOOKS_ALLOW_LOOPBACK = "0";
      setWebhookLookupForTests(async () => [{ address: "127.0.0.1", family: 4 }]);
      await emit(ctx);
      await settle(new Date(clock.now().getTime() + 1000));
      expect(r.got).toHaveLength(0);
      const tries = await h.db
        .select()
        .from(webhookAttempts)
        .where(eq(webhookAttempts.deliveryId, (await deliveriesOf(endpoint.id))[0]!.id));
      expect(tries[0]!.error).toBe("blocked");
    } finally {
      setWebhookLookupForTests(undefined);
      process.env.KASSA_WEBHOOKS_ALLOW_LOOPBACK = wasLoopback;
      await r.close();
    }
  });

  it("an endpoint failing every delivery for 5 days is disabled, with an audit row", async () => {
    const r = await receiver(() => 500);
    try {
      const { ctx, endpoint } = await setup(r.url);
      await emit(ctx);
      await settle();
      const [d] = await deliveriesOf(endpoint.id);
      expect(d).toMatchObject({ status: "failed", attemptCount: 8 });
      const [stillOn] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      expect(stillOn!.status).toBe("enabled"); // ~3 days of failure so far
      await h.db.update(webhookDeliveries).set({ status: "pending" }).where(eq(webhookDeliveries.id, d!.id));
      const out = await giveUpDelivery({ db: h.db, deliveryId: d!.id, now: new Date(stillOn!.failingSince!.getTime() + 5 * 86400_000) });
      expect(out.endpointDisabled).toBe(true);
      const [off] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      expect(off).toMatchObject({ status: "disabled", disabledReason: "failing" });
    } finally {
      await r.close();
    }
  });

  it("a resend runs the delivery again under the same webhook-id; the relay sending one hand-off twice runs it once", async () => {
    const r = await receiver();
    try {
      const { ctx, endpoint } = await setup(r.url);
      await emit(ctx);
      await settle(new Date(clock.now().getTime() + 1000));
      const [d] = await deliveriesOf(endpoint.id);
      await resendWebhookDelivery({ ctx, id: d!.id });
      await settle(new Date(clock.now().getTime() + 1000));
      expect(r.got.map((g) => g.headers["webhook-id"])).toEqual([d!.id, d!.id]);
      // A relay that died after sending and before marking the row sends it again: the engine drops the repeated id.
      const handOffs = (await h.db.select().from(events).where(eq(events.type, "webhooks/delivery.requested"))).filter(
        (e) => e.data.object.deliveryId === d!.id,
      );
      expect(handOffs).toHaveLength(2);
      // (The delivery is put back to pending, so a second run would send it: only the dropped id keeps it at two.)
      await h.db.update(events).set({ publishedAt: null }).where(eq(events.id, handOffs[1]!.id));
      await h.db.update(webhookDeliveries).set({ status: "pending" }).where(eq(webhookDeliveries.id, d!.id));
      await settle(new Date(clock.now().getTime() + 1000));
      expect(r.got).toHaveLength(2);
      expect((await h.db.select().from(events).where(eq(events.id, handOffs[1]!.id)))[0]!.publishedAt).not.toBeNull();
      // Another resend is a new hand-off with a new id: a new run.
      await resendWebhookDelivery({ ctx, id: d!.id });
      await settle(new Date(clock.now().getTime() + 1000));
      expect(r.got).toHaveLength(3);
    } finally {
      await r.close();
    }
  });

  it("a test event reaches its one endpoint and no other", async () => {
    const r = await receiver();
    const other = await receiver();
    try {
      const { ctx, endpoint } = await setup(r.url);
      await createWebhookEndpoint({ ctx, input: { url: other.url, enabled_events: ["*"] } });
      await sendTestEvent({ ctx, id: endpoint.id });
      await settle(new Date(clock.now().getTime() + 1000));
      expect(r.got.map((g) => JSON.parse(g.body).type)).toEqual(["webhook_endpoint.test"]);
      expect(other.got).toHaveLength(0);
    } finally {
      await r.close();
      await other.close();
    }
  });
});
