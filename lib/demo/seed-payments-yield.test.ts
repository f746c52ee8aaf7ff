// The demo seed does not hold the portal: on PGlite (one connection, queries on the server's own
// thread) the event loop keeps turning and other queries are answered while the seed writes.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { systemActor } from "@/lib/service/context";
import { checkRollups } from "@/lib/overview/check-rollups";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { freshPglite } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { seedDemoPayments } from "./seed-payments";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await freshPglite();
});
afterAll(() => h.close());

it("on PGlite, timers fire and a request's query is answered between demo payments, not after them", async () => {
  const { merchantId } = await makeMerchant(h.db);
  const ctx = { merchantId, livemode: false, actor: systemActor("demo-seed"), db: h.db };
  const progress: number[] = [];
  let seeding = true;
  const seed = seedDemoPayments(h.db, ctx, { count: 60, progressEvery: 20, onProgress: (n) => progress.push(n) }).finally(() => (seeding = false));
  // A request arriving every 25 ms: it needs a timer to fire (the event loop to turn) and one query.
  const seenWhileSeeding: number[] = [];
  while (seeding) {
    await new Promise((r) => setTimeout(r, 25));
    const [row] = (await h.db.execute(sql`select count(*)::int as n from payments where merchant_id = ${merchantId}`)).rows as { n: number }[];
    if (seeding) seenWhileSeeding.push(row!.n);
  }
  expect(await seed).toBe(60);
  expect(progress).toEqual([20, 40]);
  // Answered all along, not after the seed: many answers, while the count was still growing.
  expect(seenWhileSeeding.length).toBeGreaterThan(20);
  expect(seenWhileSeeding.some((n) => n > 0 && n < 60)).toBe(true);
  // Interleaved with the payments: the answers saw the count at many different points of the seed
  // (how quickly they come is bench:first-start's figure, not this test's).
  expect(new Set(seenWhileSeeding).size).toBeGreaterThan(10);
  expect((await checkMoneyInvariants(h.db, { merchantId })).problems).toEqual([]);
  expect(await checkRollups(h.db, { merchantId })).toEqual([]);
}, 120_000);
