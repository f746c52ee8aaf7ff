// The after-commit relay takes Kassa's own outbox rows and Stripe's recorded events a batch of each in turn: a
// Stripe event received behind a backlog of 250 own events goes out in the relay's second batch, not its fourth.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { eq, isNull, sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { events, stripeEvents } from "@/db/schema";
import { withTransaction } from "@/lib/service/context";
import { signalOutboxCommit } from "@/lib/service/outbox-signal";
import { freshPostgres } from "@/test/db";
import { emitEvent } from "@/test/events";
import { makeMerchant } from "@/test/fixtures";
import { newId } from "@/lib/ids";
import { startOutboxRelay } from "./outbox-relay";
import { publishTurn } from "./publish-turn";

let h: DatabaseHandle;
beforeAll(async () => {
  const fresh = await freshPostgres("relay_turns");
  h = fresh;
  process.env.DATABASE_URL = fresh.url; // the relay opens the process's own database (getDb)
});
afterAll(() => h.close());

async function backlog(own: number, stripe: string[]) {
  const { ctx } = await makeMerchant(h.db);
  await withTransaction(ctx, async (tx) => {
    for (let i = 0; i < own; i++) await emitEvent(tx, ctx, "account.updated", { id: ctx.merchantId });
  });
  // Received after every one of those: oldest-first alone would put it last.
  for (const id of stripe) await h.db.insert(stripeEvents).values({ id, type: "payment_intent.succeeded", livemode: "false", payload: { id } });
}

it("hands a Stripe event on in the second batch behind 250 of Kassa's own events, and every row once", async () => {
  await publishTurn({ db: h.db, send: async () => undefined }); // nothing left from the merchant's creation
  await backlog(250, ["evt_behind_backlog"]);
  const batches: string[][] = [];
  const stop = startOutboxRelay(async (batch) => void batches.push(batch.map((e) => e.id)));
  try {
    signalOutboxCommit();
    await vi.waitFor(() => expect(batches.flat()).toHaveLength(251), { timeout: 10_000 });
  } finally {
    stop();
  }
  expect(batches.map((b) => b.length)).toEqual([100, 1, 100, 50]);
  expect(batches[1]).toEqual(["stripe-evt_behind_backlog"]);
  expect(new Set(batches.flat()).size).toBe(251);
  expect(await h.db.select().from(events).where(isNull(events.publishedAt))).toEqual([]);
  expect(await h.db.select().from(stripeEvents).where(isNull(stripeEvents.dispatchedAt))).toEqual([]);
});

it("a turn says more may wait when either batch was full, and not once both ran short", async () => {
  await backlog(
    30,
    Array.from({ length: 120 }, (_, i) => `evt_many_${String(i).padStart(3, "0")}`),
  );
  const send = async () => undefined;
  expect(await publishTurn({ db: h.db, send })).toEqual({ published: 130, more: true });
  expect(await publishTurn({ db: h.db, send })).toEqual({ published: 20, more: false });
  expect(await publishTurn({ db: h.db, send })).toEqual({ published: 0, more: false });
});

it("gathers the commits made during its linger into one pass, and a commit during a pass brings one more", async () => {
  const { ctx } = await makeMerchant(h.db);
  await publishTurn({ db: h.db, send: async () => undefined }); // the merchant's own events
  const batches: string[][] = [];
  let release: () => void = () => undefined;
  let holdNext = false;
  const stop = startOutboxRelay(
    async (batch) => {
      batches.push(batch.map((e) => e.id));
      if (holdNext) await new Promise<void>((resolve) => (release = resolve));
    },
    { lingerMs: 1_000 },
  );
  try {
    // Ten commits, each signalling the relay as every commit does: one pass carries them all.
    const first: string[] = [];
    for (let i = 0; i < 10; i++) first.push(await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId }));
    await vi.waitFor(() => expect(batches.flat()).toHaveLength(10), { timeout: 10_000 });
    expect(batches).toEqual([first]);

    // A pass held in its send; a commit meanwhile goes out in the next pass, after it.
    holdNext = true;
    const held = await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
    await vi.waitFor(() => expect(batches).toHaveLength(2), { timeout: 10_000 });
    holdNext = false;
    const during = await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
    release();
    await vi.waitFor(() => expect(batches).toHaveLength(3), { timeout: 10_000 });
    expect(batches.slice(1)).toEqual([[held], [during]]);
  } finally {
    stop();
  }
});

it("stopped, a pass it had scheduled never runs", async () => {
  const { ctx } = await makeMerchant(h.db);
  await publishTurn({ db: h.db, send: async () => undefined });
  const sent: string[] = [];
  const stop = startOutboxRelay(async (batch) => void sent.push(...batch.map((e) => e.id)), { lingerMs: 50 });
  await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
  stop();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(sent).toEqual([]);
  expect(await h.db.select().from(events).where(isNull(events.publishedAt))).toHaveLength(1); // left to the sweep
});

it("sends the rows a commit names by id, and leaves a row it was not told of to its next scan", async () => {
  const { ctx } = await makeMerchant(h.db);
  await publishTurn({ db: h.db, send: async () => undefined });
  const batches: string[][] = [];
  const stop = startOutboxRelay(async (batch) => void batches.push(batch.map((e) => e.id)), { lingerMs: 20, scanEveryMs: 2_000 });
  try {
    // The first pass sends the commit's row and scans (nothing else is waiting).
    const first = await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
    await vi.waitFor(() => expect(batches).toEqual([[first]]), { timeout: 10_000 });
    const scanned = Date.now();
    // A row committed without this relay being told, as by an instance that crashed before its pass.
    const orphan = newId("event");
    await h.db.execute(sql`insert into events (id, merchant_id, livemode, type, data, created_at)
      select ${orphan}, merchant_id, livemode, type, data, created_at from events where id = ${first}`);
    // The next pass, within the scan interval: only the commit's own row goes, by id.
    const second = await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
    await vi.waitFor(() => expect(batches).toEqual([[first], [second]]), { timeout: 10_000 });
    expect(Date.now() - scanned).toBeLessThan(2_000); // else the pass could have scanned, and this proves nothing
    expect((await h.db.select().from(events).where(eq(events.id, orphan)))[0]?.publishedAt).toBeNull();
    // Past the interval, the next pass sends its own row and then scans, finding the orphan.
    await new Promise((resolve) => setTimeout(resolve, 2_000 - (Date.now() - scanned) + 50));
    const third = await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
    await vi.waitFor(() => expect(batches).toEqual([[first], [second], [third], [orphan]]), { timeout: 10_000 });
  } finally {
    stop();
  }
  expect(await h.db.select().from(events).where(isNull(events.publishedAt))).toEqual([]);
});

it("after a failed send, the next pass scans for the rows it could not send", async () => {
  const { ctx } = await makeMerchant(h.db);
  await publishTurn({ db: h.db, send: async () => undefined });
  const batches: string[][] = [];
  let failing = false;
  const stop = startOutboxRelay(
    async (batch) => {
      if (failing) throw new Error("engine down");
      batches.push(batch.map((e) => e.id));
    },
    { lingerMs: 20, scanEveryMs: 60_000 },
  );
  try {
    const first = await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
    await vi.waitFor(() => expect(batches).toEqual([[first]]), { timeout: 10_000 });
    failing = true;
    const lost = await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
    await vi.waitFor(async () => expect(await h.db.select({ id: events.id }).from(events).where(isNull(events.publishedAt))).toEqual([{ id: lost }]), {
      timeout: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the failed pass is over
    failing = false;
    // Not scan time by the interval (a minute): the failure alone makes this pass scan.
    const next = await emitEvent(h.db, ctx, "account.updated", { id: ctx.merchantId });
    await vi.waitFor(() => expect(batches).toEqual([[first], [next], [lost]]), { timeout: 10_000 });
  } finally {
    stop();
  }
  expect(await h.db.select().from(events).where(isNull(events.publishedAt))).toEqual([]);
});
