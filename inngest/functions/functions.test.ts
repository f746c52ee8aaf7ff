import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isNull } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { events, idempotencyKeys, stripeEvents } from "@/db/schema";
import { withTransaction } from "@/lib/service/context";
import { emitEvent } from "@/test/events";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { newId } from "@/lib/ids";

const sent: { id: string; name: string }[][] = [];
vi.mock("../send", () => ({
  sendToInngest: async (batch: { id: string; name: string }[]) => {
    sent.push(batch);
  },
}));

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("fns");
  // The functions reach the database through the app's own factory.
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

describe("outbox-sweep", () => {
  it("publishes outbox rows older than 10 s and leaves fresh ones to the after-commit path", async () => {
    const { outboxSweep } = await import("./outbox-sweep");
    const { ctx } = await makeMerchant(h.db);
    const old = await withTransaction(ctx, (tx) => emitEvent(tx, ctx, "account.updated", { n: 1 }));
    await h.db.update(events).set({ createdAt: new Date(Date.now() - 60_000) });
    const fresh = await withTransaction(ctx, (tx) => emitEvent(tx, ctx, "account.updated", { n: 2 }));

    const t = new InngestTestEngine({ function: outboxSweep });
    const { result } = await t.execute();
    expect(result).toEqual({ published: 1 });
    expect(sent.flat().map((e) => e.id)).toEqual([old]);
    const left = await h.db.select({ id: events.id }).from(events).where(isNull(events.publishedAt));
    expect(left.map((r) => r.id)).toEqual([fresh]);
  });

  it("hands on Stripe events recorded over 10 s ago and not yet handed on, as stripe/event.received with id stripe-<evt id>", async () => {
    const { outboxSweep } = await import("./outbox-sweep");
    const old = new Date(Date.now() - 60_000);
    const base = { type: "payment_intent.succeeded", livemode: "false" as const, payload: {} };
    await h.db.insert(stripeEvents).values([
      { ...base, id: "evt_sweep_missed", receivedAt: old },
      { ...base, id: "evt_sweep_fresh" },
      { ...base, id: "evt_sweep_sent", receivedAt: old, dispatchedAt: old },
      { ...base, id: "evt_sweep_done", receivedAt: old, processedAt: old, outcome: "applied" },
    ]);
    const before = sent.flat().length;
    const { result } = await new InngestTestEngine({ function: outboxSweep }).execute();
    expect(result).toEqual({ published: 1 });
    expect(sent.flat().slice(before)).toEqual([
      expect.objectContaining({
        id: "stripe-evt_sweep_missed",
        name: "stripe/event.received",
        data: { stripe_event_id: "evt_sweep_missed", type: "payment_intent.succeeded" },
      }),
    ]);
    expect((await new InngestTestEngine({ function: outboxSweep }).execute()).result).toEqual({ published: 0 });
  });
});

describe("reap-idempotency-keys", () => {
  it("deletes keys older than 24 h only", async () => {
    const { reapIdempotencyKeysFn } = await import("./reap-idempotency-keys");
    const { merchantId } = await makeMerchant(h.db);
    const base = { merchantId, livemode: false, requestMethod: "POST", requestPath: "/api/v1/account", requestHash: "x" };
    await h.db.insert(idempotencyKeys).values([
      { ...base, id: newId("idempotencyKey"), key: "old", createdAt: new Date(Date.now() - 25 * 3600_000) },
      { ...base, id: newId("idempotencyKey"), key: "new" },
    ]);
    const t = new InngestTestEngine({ function: reapIdempotencyKeysFn });
    const { result } = await t.execute();
    expect(result).toEqual({ deleted: 1 });
    const keys = await h.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(keys.map((k) => k.key)).toEqual(["new"]);
  });
});
