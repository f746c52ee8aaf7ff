import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

interface Row {
  key: string;
  totals: string;
}

async function rows(db: Executor, query: ReturnType<typeof sql>): Promise<Map<string, string>> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return new Map(result.rows.map((r) => [r.key, r.totals]));
}

/**
 * Compares the rollup tables with a GROUP BY over payments and refunds of one merchant (or all):
 * returns one line per key where they differ (empty when exact). A key's rollup is the sum of its shards;
 * a key whose totals all went back to zero counts as absent. For tests and operators; it scans, the dashboard never calls it.
 */
export async function checkRollups(db: Executor, scope: { merchantId?: string } = {}): Promise<string[]> {
  const onlyP = scope.merchantId ? sql`where merchant_id = ${scope.merchantId}` : sql``;
  const problems: string[] = [];
  const pKey = sql.raw(`concat_ws('|', merchant_id, livemode, day, currency, status, brand)`);
  const pTotals = sql.raw(`concat_ws('|', count, declined, amount, amount_received, amount_refunded, fee)`);
  const expectedP = await rows(
    db,
    sql`select ${pKey} as key, ${pTotals} as totals from (
      select merchant_id, livemode, (created_at at time zone 'UTC')::date as day, currency, status, coalesce(card->>'brand', '') as brand,
             count(*) as count, count(last_payment_error) as declined, sum(amount) as amount, sum(amount_received) as amount_received,
             sum(amount_refunded) as amount_refunded, sum(fee) as fee
      from payments ${onlyP} group by 1, 2, 3, 4, 5, 6) g`,
  );
  const actualP = await rows(
    db,
    sql`select ${pKey} as key, ${pTotals} as totals from (
      select merchant_id, livemode, day, currency, status, brand, sum(count) as count, sum(declined) as declined, sum(amount) as amount,
             sum(amount_received) as amount_received, sum(amount_refunded) as amount_refunded, sum(fee) as fee
      from payment_rollups ${onlyP} group by 1, 2, 3, 4, 5, 6) s
      where (count, declined, amount, amount_received, amount_refunded, fee) <> (0, 0, 0, 0, 0, 0)`,
  );
  compare("payments", expectedP, actualP, problems);
  const rKey = sql.raw(`concat_ws('|', merchant_id, livemode, day, currency, status)`);
  const rTotals = sql.raw(`concat_ws('|', count, amount, fee_refunded)`);
  const expectedR = await rows(
    db,
    sql`select ${rKey} as key, ${rTotals} as totals from (
      select merchant_id, livemode, (created_at at time zone 'UTC')::date as day, currency, status,
             count(*) as count, sum(amount) as amount, sum(fee_refunded) as fee_refunded
      from refunds ${onlyP} group by 1, 2, 3, 4, 5) g`,
  );
  const actualR = await rows(
    db,
    sql`select ${rKey} as key, ${rTotals} as totals from (
      select merchant_id, livemode, day, currency, status, sum(count) as count, sum(amount) as amount, sum(fee_refunded) as fee_refunded
      from refund_rollups ${onlyP} group by 1, 2, 3, 4, 5) s
      where (count, amount, fee_refunded) <> (0, 0, 0)`,
  );
  compare("refunds", expectedR, actualR, problems);
  return problems;
}

function compare(what: string, expected: Map<string, string>, actual: Map<string, string>, problems: string[]) {
  for (const [key, totals] of expected) {
    if (actual.get(key) !== totals) problems.push(`${what} ${key}: expected ${totals}, rollup ${actual.get(key) ?? "missing"}`);
  }
  for (const [key, totals] of actual) {
    if (!expected.has(key)) problems.push(`${what} ${key}: rollup ${totals} for rows that do not exist`);
  }
}
