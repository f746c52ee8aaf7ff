// The demo subscriptions do not hold the portal either: on PGlite (one connection, queries on the server's
// own thread) other queries are answered between their steps, and what they write keeps the books.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { systemActor } from "@/lib/service/context";
import { checkMrrRollups } from "@/lib/overview/check-mrr-rollups";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { makeMerchant } from "@/test/fixtures";
import { seedDemoProducts } from "./seed-products";
import { seedDemoSubscriptions } from "./seed-subscriptions";

let h: DatabaseHandle;
beforeAll(async () => {
  // The app's own embedded database, as under `npm run dev`: the invoices' charges (collectInvoice) open it by themselves.
  process.env.DATABASE_URL = "memory://";
  const { getDatabaseHandle } = await import("@/db/client");
  h = await getDatabaseHandle();
});
afterAll(() => h.close());

it("on PGlite, a request's query is answered between demo subscriptions' steps, not after them", async () => {
  const { merchantId } = await makeMerchant(h.db);
  const ctx = { merchantId, livemode: false, actor: systemActor("demo-seed"), db: h.db };
  await seedDemoProducts(ctx);
  const progress: number[] = [];
  let seeding = true;
  const seed = seedDemoSubscriptions(h.db, ctx, { count: 30, progressEvery: 10, onProgress: (n) => progress.push(n) }).finally(() => (seeding = false));
  const seenWhileSeeding: number[] = [];
  while (seeding) {
    await new Promise((r) => setTimeout(r, 25));
    const [row] = (await h.db.execute(sql`select count(*)::int as n from invoices where merchant_id = ${merchantId}`)).rows as { n: number }[];
    if (seeding) seenWhileSeeding.push(row!.n);
  }
  expect(await seed).toBe(30);
  expect(progress).toEqual([10, 20]);
  const [total] = (await h.db.execute(sql`select count(*)::int as n from invoices where merchant_id = ${merchantId}`)).rows as { n: number }[];
  expect(seenWhileSeeding.length).toBeGreaterThan(20);
  expect(seenWhileSeeding.some((n) => n > 0 && n < total!.n)).toBe(true);
  expect(new Set(seenWhileSeeding).size).toBeGreaterThan(10);
  expect((await checkMoneyInvariants(h.db, { merchantId })).problems).toEqual([]);
  expect(await checkMrrRollups(h.db, { merchantId })).toEqual([]);
}, 180_000);
