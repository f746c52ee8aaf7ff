import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, isNull, sql } from "drizzle-orm";
import { clientOf } from "@/db/prepared";
import type { DatabaseHandle } from "@/db/client";
import { events } from "@/db/schema";
import { withTransaction } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { commit } from "@/lib/service/commit";
import { emitEvent } from "@/test/events";
import { declareInternalEvent, declareRerunEvent, INTERNAL_EVENTS } from "./internal-events";
import { onOutboxCommit } from "@/lib/service/outbox-signal";
import { claimableEvents, publishCommittedEvents, publishPendingEvents, type OutboundEvent } from "./publish-events";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await freshPostgres("outbox");
});
afterAll(() => h.close());

async function unpublished() {
  return (await h.db.select().from(events).where(isNull(events.publishedAt))).length;
}

describe("outbox relay", () => {
  it("publishes each row once, oldest first, as kassa/<type> with the outbox id as event id", async () => {
    const { ctx } = await makeMerchant(h.db);
    await publishPendingEvents({ db: h.db, send: async () => undefined }); // clear earlier rows
    const ids: string[] = [];
    await withTransaction(ctx, async (tx) => {
      ids.push(await emitEvent(tx, ctx, "account.updated", { id: ctx.merchantId }, { business_name: "Old" }));
      ids.push(await emitEvent(tx, ctx, "account.updated", { id: ctx.merchantId }));
    });
    const sent: OutboundEvent[] = [];
    expect(await publishPendingEvents({ db: h.db, send: async (b) => void sent.push(...b) })).toBe(2);
    expect(sent.map((e) => e.id)).toEqual(ids);
    expect(sent[0]).toMatchObject({
      name: "kassa/account.updated",
      data: { object: "event", type: "account.updated", merchant: ctx.merchantId, data: { previous_attributes: { business_name: "Old" } } },
    });
    expect(await publishPendingEvents({ db: h.db, send: async (b) => void sent.push(...b) })).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it("sends an internal event under the workflow's own name with exactly its data, never as kassa/* (so no fan-out)", async () => {
    const { createWebhookEndpoint } = await import("@/lib/webhooks/create-webhook-endpoint");
    const { ctx } = await makeMerchant(h.db);
    await createWebhookEndpoint({ ctx, input: { url: "https://hooks.example.com/k", enabled_events: ["*"] } });
    await publishPendingEvents({ db: h.db, send: async () => undefined });
    const id = await commit(ctx, async (_tx, changes) =>
      declareInternalEvent(changes, INTERNAL_EVENTS.webhookDeliveryRequested, { deliveryId: "whd_1", endpointId: "we_1" }),
    );
    const sent: OutboundEvent[] = [];
    expect(await publishPendingEvents({ db: h.db, send: async (b) => void sent.push(...b) })).toBe(1);
    expect(sent).toEqual([{ id, name: "webhooks/delivery.requested", data: { deliveryId: "whd_1", endpointId: "we_1" }, ts: expect.any(Number) }]);
  });

  it("sends a re-run's trigger under the original event's name with exactly its data: its own webhooks flag, not the relay's", async () => {
    const { createWebhookEndpoint } = await import("@/lib/webhooks/create-webhook-endpoint");
    const { ctx } = await makeMerchant(h.db);
    await createWebhookEndpoint({ ctx, input: { url: "https://hooks.example.com/k", enabled_events: ["*"] } });
    await publishPendingEvents({ db: h.db, send: async () => undefined });
    const trigger = {
      id: "evt_orig",
      object: "event",
      type: "payment.succeeded",
      data: { object: { id: "pay_1" } },
      merchant: ctx.merchantId,
      webhooks: false,
    };
    const id = await commit(ctx, async (_tx, changes) => declareRerunEvent(changes, { name: "kassa/payment.succeeded", data: trigger }));
    const sent: OutboundEvent[] = [];
    expect(await publishPendingEvents({ db: h.db, send: async (b) => void sent.push(...b) })).toBe(1);
    expect(sent).toEqual([{ id, name: "kassa/payment.succeeded", data: trigger, ts: expect.any(Number) }]);
    // A name without `/` would be an API event (listed, fanned out as kassa/<type>): refused.
    await expect(commit(ctx, async (_tx, changes) => declareRerunEvent(changes, { name: "payment.succeeded", data: trigger }))).rejects.toThrow(
      /workflow event name/,
    );
  });

  it("marks events of merchants with an enabled webhook endpoint, so only those reach the fan-out", async () => {
    const { createWebhookEndpoint } = await import("@/lib/webhooks/create-webhook-endpoint");
    const hooked = await makeMerchant(h.db);
    const plain = await makeMerchant(h.db);
    await publishPendingEvents({ db: h.db, send: async () => undefined });
    await createWebhookEndpoint({ ctx: hooked.ctx, input: { url: "https://hooks.example.com/k", enabled_events: ["*"] } });
    for (const { ctx } of [hooked, plain, { ctx: { ...hooked.ctx, livemode: true } }]) {
      await withTransaction(ctx, (tx) => emitEvent(tx, ctx, "account.updated", {}));
    }
    const sent: OutboundEvent[] = [];
    await publishPendingEvents({ db: h.db, send: async (batch) => void sent.push(...batch) });
    const flag = (merchant: string, livemode: boolean) => sent.find((e) => e.data.merchant === merchant && e.data.livemode === livemode)?.data.webhooks;
    expect(flag(hooked.merchantId, false)).toBe(true);
    expect(flag(hooked.merchantId, true)).toBe(false);
    expect(flag(plain.merchantId, false)).toBe(false);
  });

  it("leaves rows for the next pass when the send fails", async () => {
    const { ctx } = await makeMerchant(h.db);
    await publishPendingEvents({ db: h.db, send: async () => undefined });
    await withTransaction(ctx, (tx) => emitEvent(tx, ctx, "account.updated", {}));
    await expect(publishPendingEvents({ db: h.db, send: async () => Promise.reject(new Error("engine down")) })).rejects.toThrow("engine down");
    expect(await unpublished()).toBe(1);
    expect(await publishPendingEvents({ db: h.db, send: async () => undefined })).toBe(1);
    expect(await unpublished()).toBe(0);
  });

  it("by id, sends only the given rows still unpublished and not under another relay's lease", async () => {
    const { ctx } = await makeMerchant(h.db);
    await publishPendingEvents({ db: h.db, send: async () => undefined });
    const [published, leased, waiting, elsewhere] = await withTransaction(ctx, async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await emitEvent(tx, ctx, "account.updated", { i }));
      return ids;
    });
    await h.db.update(events).set({ publishedAt: new Date() }).where(eq(events.id, published!));
    const lease = new Date(Date.now() + 30_000);
    await h.db.update(events).set({ publishLeasedUntil: lease }).where(eq(events.id, leased!));
    const sent: string[] = [];
    const send = async (batch: OutboundEvent[]) => void sent.push(...batch.map((e) => e.id));
    expect(await publishCommittedEvents({ db: h.db, send, ids: [published!, leased!, waiting!, "evt_nonexistent"] })).toBe(1);
    expect(sent).toEqual([waiting]);
    const rows = await h.db
      .select()
      .from(events)
      .where(inArray(events.id, [leased!, waiting!, elsewhere!]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(waiting!)?.publishedAt).toBeInstanceOf(Date);
    expect(byId.get(leased!)).toMatchObject({ publishedAt: null, publishLeasedUntil: lease });
    expect(byId.get(elsewhere!)?.publishedAt).toBeNull(); // not asked for
    // A failed send leaves the row unpublished; asked again, it goes.
    await expect(publishCommittedEvents({ db: h.db, send: async () => Promise.reject(new Error("engine down")), ids: [elsewhere!] })).rejects.toThrow(
      "engine down",
    );
    expect(await publishCommittedEvents({ db: h.db, send, ids: [elsewhere!] })).toBe(1);
    expect(sent).toEqual([waiting, elsewhere]);
  });

  it("two relays at once never send the same row", async () => {
    const { ctx } = await makeMerchant(h.db);
    await publishPendingEvents({ db: h.db, send: async () => undefined });
    await withTransaction(ctx, async (tx) => {
      for (let i = 0; i < 5; i++) await emitEvent(tx, ctx, "account.updated", { i });
    });
    const seen: string[] = [];
    const slowSend = async (batch: OutboundEvent[]) => {
      seen.push(...batch.map((e) => e.id));
      await new Promise((r) => setTimeout(r, 100));
    };
    const [a, b] = await Promise.all([publishPendingEvents({ db: h.db, send: slowSend }), publishPendingEvents({ db: h.db, send: slowSend })]);
    expect(a + b).toBe(5);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("claims through the partial index of unpublished ids, never walking the published rows", async () => {
    const { ctx } = await makeMerchant(h.db);
    await publishPendingEvents({ db: h.db, send: async () => undefined });
    // A table like a busy one's: many published events, a few waiting.
    await h.db.execute(sql`insert into events (id, merchant_id, livemode, type, data, published_at)
      select 'evt_' || lpad(g::text, 26, '0'), ${ctx.merchantId}, false, 'account.updated', '{"object":{}}', now()
        from generate_series(1, 20000) g`);
    await withTransaction(ctx, async (tx) => {
      for (let i = 0; i < 3; i++) await emitEvent(tx, ctx, "account.updated", { i });
    });
    await h.db.execute(sql`analyze events`);
    const { sql: text, params } = claimableEvents(h.db, { now: new Date(), limit: 100 }).toSQL();
    const { rows } = await clientOf(h.db).query(`explain (format json) ${text}`, params);
    const plan = JSON.stringify(rows);
    expect(plan).toContain('"Index Name":"events_unpublished_idx"');
    expect(plan).not.toContain('"Node Type":"Seq Scan"');
    expect(await publishPendingEvents({ db: h.db, send: async () => undefined })).toBe(3);
  });

  it("signals once after the outermost commit with every row it wrote, never after a rollback", async () => {
    const { ctx } = await makeMerchant(h.db);
    let signals = 0;
    const told: (readonly string[] | undefined)[] = [];
    const off = onOutboxCommit((ids) => {
      signals++;
      told.push(ids);
    });
    try {
      const written: string[] = [];
      await withTransaction(ctx, async (tx) => {
        written.push(await withTransaction({ ...ctx, db: tx }, (inner) => emitEvent(inner, ctx, "account.updated", {})));
        written.push(await emitEvent(tx, ctx, "account.updated", {}));
        expect(signals).toBe(0); // inner savepoint released, outer not yet committed
      });
      expect(signals).toBe(1);
      expect(told).toEqual([written]);
      await expect(
        withTransaction(ctx, async (tx) => {
          await emitEvent(tx, ctx, "account.updated", {});
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(signals).toBe(1);
      await withTransaction(ctx, async () => undefined);
      expect(signals).toBe(1);
    } finally {
      off();
    }
  });
});
