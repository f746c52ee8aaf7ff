// The compaction folds the rollup shards of past days into one row per key, exactly (the rows' GROUP BY still
// equals the rollups) while payments keep changing, and without making a payment's commit wait.
import { eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/db/client";
import { payments, type PaymentStatus } from "@/db/schema";
import { newId } from "@/lib/ids";
import { seededRandom } from "@/lib/gateways/sandbox/config";
import { freshPglite, freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { checkRollups } from "./check-rollups";
import { compactRollups } from "./compact-rollups";

let pg: DatabaseHandle & { url: string };
let lite: DatabaseHandle;
beforeAll(async () => {
  [pg, lite] = await Promise.all([freshPostgres("compact_rollups"), freshPglite()]);
  // As if every write came from another connection: each rollup upsert takes the next of shards 1–15, so a key's
  // rows spread over shards as a busy merchant's many connections would spread them (this file's databases only).
  for (const db of [pg.db, lite.db]) {
    await db.execute(sql`create sequence test_rollup_shard`);
    await db.execute(sql`alter table payment_rollups alter column shard set default (1 + nextval('test_rollup_shard') % 15)`);
  }
});
afterAll(async () => {
  await pg.close();
  await lite.close();
});

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const STATUSES: PaymentStatus[] = ["succeeded", "requires_payment_method", "canceled", "processing"];

function paymentRow(merchantId: string, daysAgo: number, status: PaymentStatus, amount = 1000) {
  return {
    id: newId("payment"),
    merchantId,
    livemode: false,
    amount: BigInt(amount),
    amountReceived: status === "succeeded" ? BigInt(amount) : 0n,
    currency: "usd",
    status,
    captureMethod: "automatic" as const,
    connector: "sandbox",
    card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030, fingerprint: "fp", country: "US", funding: "credit" },
    createdAt: new Date(Date.now() - daysAgo * DAY),
  };
}

const shardRows = async (db: Executor, merchantId: string) =>
  (
    (await db.execute(sql`select day::text as day, count(*)::int as n, count(*) filter (where shard <> 0)::int as sharded
      from payment_rollups where merchant_id = ${merchantId} group by day order by day`)) as unknown as {
      rows: { day: string; n: number; sharded: number }[];
    }
  ).rows;

describe("compactRollups", () => {
  for (const [name, db] of [
    ["PGlite", () => lite.db],
    ["PostgreSQL", () => pg.db],
  ] as const) {
    it(`folds past days' shards into shard 0 and leaves today's alone, exactly (${name})`, async () => {
      const { merchantId } = await makeMerchant(db());
      for (const daysAgo of [0, 0, 1, 2, 2, 3]) {
        for (const status of STATUSES)
          await db()
            .insert(payments)
            .values(paymentRow(merchantId, daysAgo, status));
        // A payment that moved between keys: its old key's rows net to zero.
        const [p] = await db()
          .insert(payments)
          .values(paymentRow(merchantId, daysAgo, "processing", 777))
          .returning();
        await db().update(payments).set({ status: "succeeded", amountReceived: 777n }).where(eq(payments.id, p!.id));
      }
      expect(await checkRollups(db(), { merchantId })).toEqual([]);
      const before = await shardRows(db(), merchantId);
      expect(before.filter((d) => d.day < today()).every((d) => d.sharded > 0)).toBe(true);

      const moved = await compactRollups({ db: db() });
      expect(moved.payments).toBeGreaterThan(0);
      expect(moved.skipped).toBe(0);
      expect(await checkRollups(db(), { merchantId })).toEqual([]);
      const after = await shardRows(db(), merchantId);
      for (const d of after) {
        if (d.day < today()) expect(d).toMatchObject({ sharded: 0 });
        else expect(d).toEqual(before.find((b) => b.day === d.day)); // today's: untouched
      }
      // Nothing left to do: a second run moves nothing.
      expect(await compactRollups({ db: db() })).toEqual({ payments: 0, refunds: 0, skipped: 0 });
    });
  }

  it("stays exact while concurrent payments of old days are written, moved and deleted (PostgreSQL)", async () => {
    const { merchantId } = await makeMerchant(pg.db);
    const random = seededRandom(20261205);
    const made: string[] = [];
    let writing = true;
    const writer = async () => {
      for (let i = 0; i < 60; i++) {
        const r = random();
        await pg.db.transaction(async (tx) => {
          if (r < 0.5 || made.length === 0) {
            const row = paymentRow(merchantId, 1 + Math.floor(random() * 3), STATUSES[Math.floor(random() * STATUSES.length)]!);
            made.push(row.id);
            await tx.insert(payments).values(row);
          } else if (r < 0.9) {
            const id = made[Math.floor(random() * made.length)]!;
            await tx
              .update(payments)
              .set({ status: STATUSES[Math.floor(random() * STATUSES.length)]!, createdAt: new Date(Date.now() - (1 + Math.floor(random() * 3)) * DAY) })
              .where(eq(payments.id, id));
          } else {
            const id = made.splice(Math.floor(random() * made.length), 1)[0]!;
            await tx.delete(payments).where(eq(payments.id, id));
          }
        });
      }
    };
    const compactor = async () => {
      let runs = 0;
      while (writing || runs === 0) {
        await compactRollups({ db: pg.db });
        runs++;
      }
      return runs;
    };
    const compacting = compactor();
    await Promise.all([writer(), writer(), writer(), writer()]);
    writing = false;
    expect(await compacting).toBeGreaterThan(1);
    expect(await checkRollups(pg.db, { merchantId })).toEqual([]);
    await compactRollups({ db: pg.db });
    expect(await checkRollups(pg.db, { merchantId })).toEqual([]);
    expect((await shardRows(pg.db, merchantId)).every((d) => d.sharded === 0)).toBe(true);
  }, 60_000);

  it("skips a row a commit holds instead of waiting for it, and folds it on a later run (PostgreSQL)", async () => {
    const { merchantId } = await makeMerchant(pg.db);
    await pg.db.insert(payments).values(paymentRow(merchantId, 2, "succeeded"));
    const holder = new Client({ connectionString: pg.url });
    await holder.connect();
    try {
      // A transaction that has added to the same key's row in its own shard and not committed yet.
      await holder.query("begin");
      const [{ shard }] = (
        await holder.query<{ shard: number }>("select shard from payment_rollups where merchant_id = $1 and shard <> 0 for update", [merchantId])
      ).rows as [{ shard: number }];
      const started = Date.now();
      await compactRollups({ db: pg.db });
      expect(Date.now() - started).toBeLessThan(1000);
      const held = (await shardRows(pg.db, merchantId))[0]!;
      expect(held.sharded).toBe(1); // still in shard `shard`: skipped
      expect(shard).toBeGreaterThan(0);
      await holder.query("commit");
      await compactRollups({ db: pg.db });
      expect((await shardRows(pg.db, merchantId))[0]).toMatchObject({ n: 1, sharded: 0 });
      expect(await checkRollups(pg.db, { merchantId })).toEqual([]);
    } finally {
      await holder.end();
    }
  });
});
