// The after-commit relay takes Kassa's own outbox rows and Stripe's recorded events a batch of each in turn: a
// Stripe event received behind a backlog of 250 own events goes out in the relay's second batch, not its fourth.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { isNull } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { events, stripeEvents } from "@/db/schema";
import { withTransaction } from "@/lib/service/context";
import { signalOutboxCommit } from "@/lib/service/outbox-signal";
import { freshPostgres } from "@/test/db";
import { emitEvent } from "@/test/events";
import { makeMerchant } from "@/test/fixtures";
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
