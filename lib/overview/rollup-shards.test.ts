// A merchant's concurrent payments do not queue for one shared row. Every payment adds to its merchant's
// rollup row (the deferred trigger's upsert at commit) and every paid one to the merchant's fraud profile, and
// each such row stays locked until its transaction's commit is durable. With one row per key, a merchant could
// commit one payment per commit time (1-3 ms on a managed server with replicated WAL). Each connection now adds
// to its own shard of the key (ROLLUP_SHARD): these tests hold one transaction's locks open and show that
// another connection's payment of the same merchant, same day, currency, status and brand still commits.
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { payments, ROLLUP_SHARDS } from "@/db/schema";
import { newId } from "@/lib/ids";
import { computeFeatures } from "@/lib/fraud/compute-features";
import { paidWrites } from "@/lib/fraud/counter-writes";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { checkRollups } from "./check-rollups";

let pg: DatabaseHandle & { url: string };
const clients: Client[] = [];
beforeAll(async () => {
  pg = await freshPostgres("rollup_shards");
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
  await pg.close();
});

/** Two connections whose writes land in different shards (server process ids apart modulo ROLLUP_SHARDS). */
async function twoShards(): Promise<[Client, Client]> {
  const byShard = new Map<number, Client>();
  while (byShard.size < 2) {
    const c = new Client({ connectionString: pg.url });
    await c.connect();
    clients.push(c);
    const { rows } = await c.query<{ shard: number }>(`select pg_backend_pid() % ${ROLLUP_SHARDS} as shard`);
    if (!byShard.has(rows[0]!.shard)) byShard.set(rows[0]!.shard, c);
  }
  const [a, b] = [...byShard.values()];
  // A lock wait fails fast instead of hanging the test.
  await b!.query("set lock_timeout = '2s'");
  return [a!, b!];
}

function paymentInsert(merchantId: string) {
  const q = pg.db
    .insert(payments)
    .values({
      id: newId("payment"),
      merchantId,
      livemode: false,
      amount: 4200n,
      amountReceived: 4200n,
      currency: "usd",
      status: "succeeded",
      captureMethod: "automatic",
      connector: "sandbox",
      card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030, fingerprint: "fp", country: "US", funding: "credit" },
    })
    .toSQL();
  return [q.sql, q.params] as const;
}

describe("a merchant's payments at the same time", () => {
  it("commit while another connection holds its rollup row for the same key (PostgreSQL)", async () => {
    const { merchantId } = await makeMerchant(pg.db);
    const [a, b] = await twoShards();
    await a.query("begin");
    await a.query(...paymentInsert(merchantId));
    // Run the deferred rollup trigger now: `a` holds its rollup row's lock until it ends.
    await a.query("set constraints all immediate");
    await b.query("begin");
    await b.query(...paymentInsert(merchantId));
    await b.query("commit"); // one shared row: waits for `a`, and fails on the 2 s lock timeout
    await a.query("commit");
    expect(await checkRollups(pg.db, { merchantId })).toEqual([]);
    const { rows } = await b.query<{ rows: number; count: string }>(
      "select count(*)::int as rows, sum(count)::text as count from payment_rollups where merchant_id = $1 and status = 'succeeded'",
      [merchantId],
    );
    expect(rows[0]).toEqual({ rows: 2, count: "2" });
  });

  it("add to the merchant's fraud profile while another connection holds it, and the features read the sum (PostgreSQL)", async () => {
    const { merchantId } = await makeMerchant(pg.db);
    const tenant = { merchantId, livemode: false };
    const [a, b] = await twoShards();
    const now = Date.now();
    const paid = (card: string, amountUsd: number) =>
      paidWrites(pg.db, tenant, { card, email: null, ip: null, customer: null, vpa: null, amountUsd }, now)[0]!.render(0);
    const first = paid("fp_one", 1000);
    const second = paid("fp_two", 3000);
    await a.query("begin");
    await a.query(first.text, first.params);
    await b.query("begin");
    await b.query(second.text, second.params); // one shared row: waits for `a`, and fails on the 2 s lock timeout
    await b.query("commit");
    await a.query("commit");
    const { features } = await computeFeatures(pg.db, tenant, {
      keys: { card: "fp_three", email: null, ip: null, customer: null, vpa: null },
      signals: { paymentMethodType: "card" } as Parameters<typeof computeFeatures>[2]["signals"],
      amountUsd: 4000,
      now: now + 1000,
      listValues: [],
    });
    // Two paid payments, 4,000 in all: the average is 2,000, and 4,000 is twice it.
    expect(features.amount_vs_merchant_avg).toBe(2);
    expect(features.is_first_payment_for_card).toBe(1);
  });
});
