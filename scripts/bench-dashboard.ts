/**
 * `npm run bench:dashboard -- --rows 10000000`: the dashboard's reads on a real PostgreSQL with that many
 * payments (default 1,000,000; or KASSA_BENCH_LARGE) and 10,000 for comparison. Starts a throwaway server
 * sized like the other benches' (BENCH_PG_SETTINGS; or uses KASSA_BENCH_DATABASE_URL, already seeded by a
 * previous run with KASSA_BENCH_KEEP=1), seeds both merchants through the bulk path, then times the service
 * verbs in process — server time, no HTTP — for the payments list (first page, filtered page, search by
 * last4, deep page by cursor) and the overview (30 and 90 days, and the 90-day page's three reads). Prints
 * p50/p95 against issue 20's targets (list ≤ 10 ms, overview ≤ 30 ms), EXPLAIN of the list queries, the time
 * and RSS growth of a CSV export of every row (KASSA_BENCH_EXPORT=0 skips it), and writes
 * test-results/bench-dashboard.json.
 */
import { getPaymentTimeline } from "@/lib/payments/get-payment-timeline";
import fs from "node:fs";
import path from "node:path";
import { Pool } from "pg";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedLargePayments } from "@/lib/demo/seed-large";
import { compactRollups } from "@/lib/overview/compact-rollups";
import type { ServiceContext } from "@/lib/service/context";
import { getMrrOverview } from "@/lib/overview/get-mrr-overview";
import { getOverview } from "@/lib/overview/get-overview";
import { getUpiOverview } from "@/lib/overview/get-upi-overview";
import { addDays, toDay } from "@/lib/overview/inputs";
import { exportPaymentsCsv } from "@/lib/payments/export-payments-csv";
import { searchPayments } from "@/lib/payments/search-payments";
import { signUp } from "@/lib/team/sign-up";
import { BENCH_PG_SETTINGS, createDatabase, startPgServer } from "./pg-server";

const rowsArg = process.argv.indexOf("--rows");
const LARGE = Number(rowsArg > 0 ? process.argv[rowsArg + 1] : (process.env.KASSA_BENCH_LARGE ?? 1_000_000));
if (!Number.isInteger(LARGE) || LARGE < 1) throw new Error(`--rows must be a whole number of payments, not ${process.argv[rowsArg + 1]}`);
const LABEL = LARGE >= 1_000_000 ? `${LARGE / 1_000_000}M` : `${LARGE / 1000}k`;
const TARGETS = { listP95Ms: 10, overviewP95Ms: 30 };
const SMALL = 10_000;
const RUNS = Number(process.env.KASSA_BENCH_RUNS ?? 200);

const pg = process.env.KASSA_BENCH_DATABASE_URL ? null : await startPgServer({ settings: BENCH_PG_SETTINGS });
const url = process.env.KASSA_BENCH_DATABASE_URL ?? (await createDatabase(pg!.url("postgres"), `kassa_bench_${Date.now().toString(36)}`));
const handle = await openDatabase(url);
await migrateDatabase(handle);
const pool = new Pool({ connectionString: url });

async function merchant(label: string, count: number): Promise<ServiceContext> {
  const found = await pool.query<{ id: string }>(`select id from merchants where business_name = $1`, [label]);
  let merchantId = found.rows[0]?.id;
  if (!merchantId) {
    ({ merchantId } = await signUp({
      db: handle.db,
      input: { name: "Bench", email: `${label.toLowerCase().replace(/\W/g, "")}@bench.test`, password: "bench bench bench", business_name: label },
    }));
    const started = Date.now();
    await seedLargePayments(pool, {
      merchantId,
      count,
      onProgress: (n) => process.stdout.write(`\r  ${label}: ${n.toLocaleString("en-US")} payments (${Math.round((Date.now() - started) / 1000)} s)`),
    });
    process.stdout.write(`\n  seeded ${label} in ${Math.round((Date.now() - started) / 1000)} s\n`);
    // The seed spreads rollup rows over every shard, as a busy merchant's connections would; the hourly compaction
    // (inngest/functions/compact-rollups.ts) then folds the days before today into one row per key.
    const compacting = Date.now();
    const folded = await compactRollups({ db: handle.db });
    process.stdout.write(`  compacted ${folded.payments + folded.refunds} rollup rows in ${Math.round((Date.now() - compacting) / 1000)} s\n`);
    // What production's autovacuum keeps current: the visibility map (index-only scans) and the statistics.
    const vacuumed = Date.now();
    await pool.query("vacuum analyze payments, payment_rollups, refunds, refund_rollups");
    process.stdout.write(`  vacuumed in ${Math.round((Date.now() - vacuumed) / 1000)} s\n`);
  }
  return { merchantId, livemode: false, actor: { type: "system", id: "bench" }, db: handle.db };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  const r = (n: number) => Math.round(n * 100) / 100;
  return { p50: r(pct(xs, 50)), p95: r(pct(xs, 95)), max: r(Math.max(...xs)) };
}

try {
  const small = await merchant("Bench 10k", SMALL);
  const large = await merchant(`Bench ${LARGE / 1000}k`, LARGE);
  await pool.query("analyze");
  const today = toDay(new Date());
  const results: Record<string, Record<string, { p50: number; p95: number; max: number }>> = {};
  const plans: Record<string, string> = {};
  for (const [label, ctx, n] of [
    ["10k", small, SMALL],
    [LABEL, large, LARGE],
  ] as const) {
    // A cursor 90 % of the way down: what "Older payments" reaches after many clicks.
    const deep = await pool.query<{ id: string }>(
      `select id from payments where merchant_id = $1 and livemode = false order by created_at desc, id desc offset $2 limit 1`,
      [ctx.merchantId, Math.floor(n * 0.9)],
    );
    const cases: Record<string, () => Promise<unknown>> = {
      "list: first page": () => searchPayments({ ctx, input: { limit: "25" } }),
      "list: filtered (succeeded, eur, visa, last 30 days)": () =>
        searchPayments({ ctx, input: { limit: "25", status: "succeeded", currency: "eur", brand: "visa", from: addDays(today, -29), to: today } }),
      "list: filtered (canceled, amount 100–150)": () =>
        searchPayments({ ctx, input: { limit: "25", status: "canceled", amount_min: "100", amount_max: "150" } }),
      "list: search by last4": () => searchPayments({ ctx, input: { limit: "25", q: "4249" } }),
      "list: deep page by cursor (90 %)": () => searchPayments({ ctx, input: { limit: "25", cursor: deep.rows[0]!.id } }),
      "payment page (timeline, ledger lines)": () => getPaymentTimeline({ ctx, id: deep.rows[0]!.id }),
      "overview: 30 days": () => getOverview({ ctx, input: { from: addDays(today, -29), to: today } }),
      "overview: 90 days": () => getOverview({ ctx, input: { from: addDays(today, -89), to: today } }),
      // What the home page runs for 90 days: the overview, then MRR and UPI success in the same range.
      "overview: 90-day page (overview, MRR, UPI)": async () => {
        const range = { from: addDays(today, -89), to: today };
        const o = await getOverview({ ctx, input: range });
        await Promise.all([getMrrOverview({ ctx, input: { ...range, currency: o.currency } }), getUpiOverview({ ctx, input: range })]);
      },
    };
    results[label] = {};
    for (const [name, fn] of Object.entries(cases)) {
      results[label][name] = await time(fn);
      console.log(
        `${label.padEnd(4)} ${name.padEnd(52)} p50 ${String(results[label][name].p50).padStart(7)} ms  p95 ${String(results[label][name].p95).padStart(7)} ms`,
      );
    }
    if (label === LABEL) {
      const explain = async (q: string, params: unknown[]) =>
        (await pool.query(`explain (analyze, costs off, timing off, summary off) ${q}`, params)).rows
          .map((r: Record<string, string>) => r["QUERY PLAN"])
          .join("\n");
      plans.firstPage = await explain(`select id from payments where merchant_id = $1 and livemode = false order by created_at desc, id desc limit 26`, [
        ctx.merchantId,
      ]);
      plans.statusPage = await explain(
        `select id from payments where merchant_id = $1 and livemode = false and status = 'canceled' order by created_at desc, id desc limit 26`,
        [ctx.merchantId],
      );
      plans.deepPage = await explain(
        `select id from payments where merchant_id = $1 and livemode = false and (created_at, id) < (select c.created_at, c.id from payments c where c.id = $2) order by created_at desc, id desc limit 26`,
        [ctx.merchantId, deep.rows[0]!.id],
      );
      plans.last4 = await explain(
        `select id from payments where merchant_id = $1 and livemode = false and card->>'last4' = '4249' order by created_at desc, id desc limit 26`,
        [ctx.merchantId],
      );
      for (const [k, v] of Object.entries(plans)) console.log(`\nEXPLAIN ${k}:\n${v}`);
    }
  }
  // The CSV export of every payment of the large merchant: time, size and how much the RSS grows.
  let exportResult: { rows: number; seconds: number; megabytes: number; rssGrowthMb: number } | null = null;
  if (process.env.KASSA_BENCH_EXPORT !== "0") {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    let bytes = 0;
    const exportStarted = performance.now();
    const reader = (await exportPaymentsCsv({ ctx: large, input: {} })).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }
    exportResult = {
      rows: LARGE,
      seconds: Math.round((performance.now() - exportStarted) / 100) / 10,
      megabytes: Math.round(bytes / 1e6),
      rssGrowthMb: Math.round((rssPeak - rssBefore) / 1e6),
    };
    console.log(
      `\nCSV export of ${LARGE.toLocaleString("en-US")} payments: ${exportResult.megabytes} MB in ${exportResult.seconds} s, RSS grew ${exportResult.rssGrowthMb} MB (target < 100 MB)`,
    );
  }
  const worst = (prefix: string) =>
    Math.max(
      ...Object.entries(results[LABEL]!)
        .filter(([k]) => k.startsWith(prefix))
        .map(([, v]) => v.p95),
    );
  const summary = {
    payments: { small: SMALL, large: LARGE },
    runs: RUNS,
    results,
    targets: TARGETS,
    listP95Ms: worst("list"),
    overviewP95Ms: worst("overview"),
    export: exportResult,
    plans,
  };
  console.log(
    `\n${LABEL}: worst list p95 ${summary.listP95Ms} ms (target ≤ ${TARGETS.listP95Ms}), worst overview p95 ${summary.overviewP95Ms} ms (target ≤ ${TARGETS.overviewP95Ms})`,
  );
  fs.mkdirSync(path.join(process.cwd(), "test-results"), { recursive: true });
  fs.writeFileSync(path.join(process.cwd(), "test-results", "bench-dashboard.json"), JSON.stringify(summary, null, 2));
} finally {
  await pool.end();
  await handle.close();
  if (pg && process.env.KASSA_BENCH_KEEP !== "1") await pg.stop();
  else if (pg) console.log(`Kept the server: KASSA_BENCH_DATABASE_URL=${url}`);
}
