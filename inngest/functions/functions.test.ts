import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isNull } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { events, idempotencyKeys } from "@/db/schema";
import { withTransaction } from "@/lib/service/context";
import { emitEvent } from "@/lib/events/emit-event";
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
