// The evaluation's statement on a table of 1,000,000 payment attempts over 30 days (one per payment, 50
// merchants): PostgreSQL's plan reads the window through payment_attempts_created_idx, never the whole table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { freshPostgres } from "@/test/db";
import { windowCounts, windowCountsQuery } from "./window-counts";

let h: DatabaseHandle;
const NOW = Date.now();
const MIN = 60_000;

beforeAll(async () => {
  h = await freshPostgres("alerts_explain");
  // 1,000,000 attempts, oldest first, spaced evenly over the last 30 days: about 350 fall in any 15 minutes.
  await h.db.execute(sql`
    insert into payment_attempts (id, merchant_id, livemode, payment_id, status, amount, payment_method, connector, processor_id, failure, outcome_unknown_at, created_at, updated_at)
    select 'pa_bulk_' || i, 'mer_bulk_' || (i % 50), (i % 7 = 0), 'pay_bulk_' || i,
      case when i % 10 = 0 then 'failed' when i % 97 = 0 then 'unknown' else 'succeeded' end,
      1000, 'pm_card_visa', 'sandbox', 'sbch_' || i,
      case when i % 10 = 0 then '{"code":"card_declined","decline_code":"generic_decline"}'::jsonb end,
      case when i % 97 = 0 then t end, t, t
    from (select i, to_timestamp(${sql.raw(String(Math.floor(NOW / 1000)))} - 30 * 86400 + i * (30 * 86400.0 / 1000000)) as t from generate_series(1, 1000000) as i) s`);
  await h.db.execute(sql`analyze payment_attempts`);
}, 300_000);
afterAll(() => h?.close());

type Plan = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: Plan[] };
const nodes = (p: Plan): Plan[] => [p, ...(p.Plans ?? []).flatMap(nodes)];

describe("the alert evaluation's statement on 1,000,000 attempts", () => {
  it("is index-backed (payment_attempts_created_idx), with no sequential scan, and answers per merchant and mode", async () => {
    const window = { from: new Date(NOW - 15 * MIN), to: new Date(NOW) };
    const result = await h.db.execute(sql`explain (format json) ${windowCountsQuery(h.db, window)}`);
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { "QUERY PLAN": [{ Plan: Plan }] }[];
    const plan = nodes(rows[0]!["QUERY PLAN"][0].Plan);
    expect(plan.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
    expect(plan.some((n) => n["Index Name"] === "payment_attempts_created_idx")).toBe(true);

    const started = performance.now();
    const counts = await windowCounts(h.db, window);
    const ms = performance.now() - started;
    const total = counts.reduce((a, c) => a + c.attempts, 0);
    expect(total).toBeGreaterThan(300);
    expect(total).toBeLessThan(400);
    expect(new Set(counts.map((c) => `${c.merchantId}:${c.livemode}`)).size).toBe(counts.length);
    expect(ms).toBeLessThan(500);
  });
});
