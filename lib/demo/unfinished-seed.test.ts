// A first start stopped while it wrote the demo data leaves a partial demo, which no later start completes: the
// seed records its start and its end on the demo merchant's audit log, and a later start that finds the start
// without the end says how far it got.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { systemActor } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { seedDemo } from "./seed";
import { seedDemoPayments } from "./seed-payments";
import { recordDemoSeed, unfinishedDemoSeed, unfinishedDemoSeedMessage } from "./unfinished-seed";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("unfinished_seed");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const wanted = { payments: 3000, subscriptions: 300 };

it("finds a seed that started and did not end, with what it meant to write and how many payments it wrote", async () => {
  expect(await unfinishedDemoSeed(h.db)).toBeNull(); // no demo merchant
  const demo = await seedDemo(h.db);
  const ctx = { merchantId: demo!.merchantId, livemode: false, actor: systemActor("demo-seed"), db: h.db };
  // A demo seeded before the seed recorded its bounds: nothing to say.
  expect(await unfinishedDemoSeed(h.db)).toBeNull();
  await recordDemoSeed(ctx, "started", wanted);
  expect(await unfinishedDemoSeed(h.db)).toEqual({ wanted, payments: 0 });
  expect(await seedDemoPayments(h.db, ctx, { count: 3 })).toBe(3);
  expect(await unfinishedDemoSeed(h.db)).toEqual({ wanted, payments: 3 });
  await recordDemoSeed(ctx, "finished", wanted);
  expect(await unfinishedDemoSeed(h.db)).toBeNull();
});

it("names where the seed stopped and how to start afresh", () => {
  const partway = unfinishedDemoSeedMessage({ wanted, payments: 700 });
  expect(partway).toContain("stopped after 700 of 3,000 demo payments");
  expect(partway).toContain("delete .data");
  expect(unfinishedDemoSeedMessage({ wanted, payments: 3000 })).toContain("stopped while it wrote the 300 demo subscriptions");
});
