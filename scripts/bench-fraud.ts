/**
 * `npm run bench:fraud` (and the end of `npm run bench`): the fraud check's server time — features from the
 * counters, the model, the rules — on a real PostgreSQL holding 1,000,000 payments (KASSA_BENCH_LARGE) and
 * the fraud history such traffic leaves: paid profiles for its cards, customers and emails, 90 days of
 * 5-minute counter buckets per card (the worst case: nothing reaped), a day of counters for emails,
 * customers and IPs, and 24 hours of links; vacuumed and analysed after seeding, as autovacuum would.
 *
 * The server runs with BENCH_PG_SETTINGS (scripts/pg-server.ts: shared buffers that hold the data, as a
 * production server's would), the fraud tables are prewarmed, and `assessPayment` is timed in process (no
 * HTTP) on one connection of its own — confirm's transaction holds one — for known and new cards,
 * KASSA_BENCH_RUNS (20,000) samples each, interleaved with a bare `select 1` on the same connection as the
 * noise floor. Samples a GC pause of this process landed on are counted. Then the statement's execution
 * alone, from EXPLAIN ANALYZE of the same cached plan. Prints p50/p90/p99/p99.9 against the target (p99 ≤
 * 2 ms) and writes test-results/bench-fraud.json.
 *
 * On a shared machine the scheduler's noise dominates a 2 ms tail. KASSA_BENCH_PRIORITY=1 (root, Linux) ranks
 * this process and its PostgreSQL backend first: nice -20 and, with the kernel's autogroups (where `nice`
 * ranks a process only within its own session), autogroup nice -20 for both sessions — run it under
 * `setsid` so that is this run's own session. The output says which priority the figures were taken at;
 * read the `select 1` line beside them either way.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, Pool } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { openDatabase, type Executor } from "@/db/client";
import * as schema from "@/db/schema";
import { FEATURES_SQL, featuresParameters, keysOf } from "@/lib/fraud/compute-features";
import { migrateDatabase } from "@/db/migrate";
import { seedLargePayments } from "@/lib/demo/seed-large";
import { assessPayment } from "@/lib/fraud/assess-payment";
import { signalsFor, type PaymentSignals } from "@/lib/fraud/signals";
import { signUp } from "@/lib/team/sign-up";
import { BENCH_PG_SETTINGS, createDatabase, startPgServer } from "./pg-server";

const LARGE = Number(process.env.KASSA_BENCH_LARGE ?? 1_000_000);
const RUNS = Number(process.env.KASSA_BENCH_RUNS ?? 20_000);
const pg = process.env.KASSA_BENCH_DATABASE_URL ? null : await startPgServer({ settings: BENCH_PG_SETTINGS });
const url = process.env.KASSA_BENCH_DATABASE_URL ?? (await createDatabase(pg!.url("postgres"), `kassa_fraud_bench_${Date.now().toString(36)}`));
const handle = await openDatabase(url);
await migrateDatabase(handle);
const pool = new Pool({ connectionString: url, max: 10 });

/** With KASSA_BENCH_DATABASE_URL, a database this bench seeded before (same size) is timed again without seeding. */
async function seededBefore(): Promise<{ merchantId: string; cards: number } | null> {
  if (!process.env.KASSA_BENCH_DATABASE_URL) return null;
  const r = await pool.query<{ merchant_id: string; cards: string }>(
    `select p.merchant_id, (select count(*) from fraud_profiles f where f.merchant_id = p.merchant_id and f.kind = 'card')::text as cards
     from fraud_profiles p where p.kind = 'merchant' and p.payments = $1 limit 1`,
    [LARGE],
  );
  return r.rows[0] ? { merchantId: r.rows[0].merchant_id, cards: Number(r.rows[0].cards) } : null;
}

try {
  const before = await seededBefore();
  const { merchantId, cards } = before ?? (await seed());
  if (before) console.log(`  reusing the ${LARGE.toLocaleString("en-US")} payments seeded before in this database`);
  await time(merchantId, cards);
} finally {
  await pool.end();
  await handle.close();
  if (pg) await pg.stop();
}

async function seed(): Promise<{ merchantId: string; cards: number }> {
  const { merchantId } = await signUp({
    db: handle.db,
    input: { name: "Bench", email: `fraud${Date.now()}@bench.test`, password: "bench bench bench", business_name: "Fraud bench" },
  });
  let started = Date.now();
  await seedLargePayments(pool, {
    merchantId,
    count: LARGE,
    onProgress: (n) => process.stdout.write(`\r  ${n.toLocaleString("en-US")} payments (${Math.round((Date.now() - started) / 1000)} s)`),
  });
  process.stdout.write(`\n  seeded ${LARGE.toLocaleString("en-US")} payments in ${Math.round((Date.now() - started) / 1000)} s\n`);

  // The fraud history of that traffic, set-based: about one card per 5 payments, one customer per 8, one email per 6.
  started = Date.now();
  const cards = Math.max(1, Math.floor(LARGE / 5));
  const now = Date.now();
  const m = merchantId;
  await pool.query(
    `insert into fraud_profiles (merchant_id, livemode, kind, key, payments, amount_usd, first_paid_at, last_paid_at)
     select $1, false, k.kind, k.kind || '_' || g, 1 + (g % 9), (1 + (g % 9)) * (500 + (g * 37) % 20000), now() - interval '90 days', now() - ((g % 90) || ' days')::interval
     from (values ('card', $2::int), ('customer', $3::int), ('email', $4::int)) as k(kind, n), generate_series(1, k.n) g`,
    [m, cards, Math.floor(LARGE / 8), Math.floor(LARGE / 6)],
  );
  await pool.query(`insert into fraud_profiles (merchant_id, livemode, kind, key, payments, amount_usd) values ($1, false, 'merchant', 'all', $2, $3)`, [
    m,
    LARGE,
    BigInt(LARGE) * 4200n,
  ]);
  // 90 days of buckets for every card it saw (one bucket per payment): LARGE rows, spread over time.
  await pool.query(
    `insert into fraud_counters (merchant_id, livemode, dimension, key, bucket, attempts, declines)
     select $1, false, 'card', 'card_' || (1 + g % $2), to_timestamp(floor(($3::float8 - (g::float8 * 7776000000 / $4)) / 300000) * 300) , 1, (g % 13 = 0)::int
     from generate_series(1, $4) g on conflict do nothing`,
    [m, cards, now, LARGE],
  );
  // The last day's counters for emails, customers and IPs, and its links.
  const day = Math.floor(LARGE / 90);
  await pool.query(
    `insert into fraud_counters (merchant_id, livemode, dimension, key, bucket, attempts, declines)
     select $1, false, d.dim, d.dim || '_' || (1 + g % 5000), to_timestamp(floor(($2::float8 - g::float8 * 86400000 / $3) / 300000) * 300), 1, 0
     from (values ('email'), ('customer'), ('ip')) as d(dim), generate_series(1, $3) g on conflict do nothing`,
    [m, now, day],
  );
  await pool.query(
    `insert into fraud_links (merchant_id, livemode, kind, a, b, last_seen)
     select $1, false, k.kind, k.kind || '_a_' || (1 + g % 5000), 'card_' || (1 + g % $3), to_timestamp(($2::float8 - g::float8 * 86400000 / $4) / 1000)
     from (values ('email_card'), ('ip_card'), ('card_email')) as k(kind), generate_series(1, $4) g on conflict do nothing`,
    [m, now, cards, day],
  );
  // As production's autovacuum would: statistics, and a visibility map so the counters read index-only.
  await pool.query("vacuum analyze");
  const counts = await pool.query<{ t: string; n: string }>(
    `select 'fraud_counters' t, count(*)::text n from fraud_counters union all select 'fraud_profiles', count(*)::text from fraud_profiles union all select 'fraud_links', count(*)::text from fraud_links`,
  );
  console.log(
    `  fraud history in ${Math.round((Date.now() - started) / 1000)} s: ${counts.rows.map((r) => `${r.t} ${Number(r.n).toLocaleString("en-US")}`).join(", ")}`,
  );

  return { merchantId, cards };
}

interface Spread {
  p50: number;
  p90: number;
  p99: number;
  p99_9: number;
  max: number;
}
/** p50 … max of a list of milliseconds. */
function spread(xs: number[]): Spread {
  const sorted = Float64Array.from(xs).sort();
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]! * 1000) / 1000;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), p99_9: at(0.999), max: at(1) };
}
function fmt(v: Spread): string {
  return `p50 ${v.p50} · p90 ${v.p90} · p99 ${v.p99} · p99.9 ${v.p99_9} · max ${v.max} ms`;
}

async function time(merchantId: string, cards: number): Promise<void> {
  const tenant = { merchantId, livemode: false };
  // A connection of its own, as confirm runs the check on its transaction's connection (no pool checkout).
  const client = new Client({ connectionString: url });
  await client.connect();
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Executor;
  const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
    `select name, setting, unit from pg_settings where name in ('server_version', 'shared_buffers', 'effective_cache_size', 'work_mem') order by name`,
  );
  const pgSettings = Object.fromEntries(
    settings.rows.map((r) => [r.name, r.unit === "8kB" ? `${(Number(r.setting) * 8) / 1024} MB` : `${r.setting}${r.unit ?? ""}`]),
  );
  const backend = (await client.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
  const priority = raisePriority([process.pid, backend]);
  console.log(`  priority: ${priority}`);
  console.log(
    `  PostgreSQL ${Object.entries(pgSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );

  // Warm, as a running server is: the fraud tables and their indexes in shared buffers, the statement prepared.
  await client.query("create extension if not exists pg_prewarm");
  const warmed = await client.query<{ blocks: string }>(
    `select coalesce(sum(pg_prewarm(c.oid)), 0)::text as blocks from pg_class c
     where c.relkind in ('r', 'i') and c.relnamespace = 'public'::regnamespace and c.relname like 'fraud%'`,
  );
  console.log(`  warmed ${Number(warmed.rows[0]!.blocks).toLocaleString("en-US")} blocks of the fraud tables and indexes into shared buffers`);

  /** A known buyer: their card and customer keys exist (the seeded keys are the raw counter keys). */
  const known = (i: number): PaymentSignals => ({
    ...signalsFor({ paymentMethod: "pm_card_visa", email: null, customer: `customer_${1 + (i % 1000)}`, ip: null, vpa: null }),
    cardFingerprint: `card_${1 + ((i * 7919) % cards)}`,
  });
  const fresh = (i: number): PaymentSignals =>
    signalsFor({ paymentMethod: "pm_card_mastercard", email: `new${i}@example.test`, customer: null, ip: `203.0.113.${i % 250}`, vpa: null });
  const scenarios = { known_card: known, new_card_and_email: fresh } as const;
  const assess = (signals: PaymentSignals) =>
    assessPayment(db, tenant, { paymentId: "pay_bench", attemptId: "pa_bench", amount: 4200n, currency: "usd", signals });
  const noise = () => client.query({ name: "bench_select_1", text: "select 1" });
  for (let i = 0; i < 2000; i++) {
    await noise();
    for (const make of Object.values(scenarios)) await assess(make(i));
  }

  // This process's GC pauses, to tell which samples one landed on.
  const pauses: { start: number; end: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  gcObserver.observe({ entryTypes: ["gc"] });
  type Series = "select_1" | keyof typeof scenarios;
  const samples: Record<Series, [number, number][]> = { select_1: [], known_card: [], new_card_and_email: [] };
  // Interleaved, so the machine's noise falls on every series alike: a bare round trip, then a check of each kind.
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await noise();
    samples.select_1.push([t, performance.now()]);
    for (const name of ["known_card", "new_card_and_email"] as const) {
      const signals = scenarios[name](i + 1_000_000);
      t = performance.now();
      await assess(signals);
      samples[name].push([t, performance.now()]);
    }
  }
  await new Promise((r) => setTimeout(r, 100));
  gcObserver.disconnect();
  const gcHit = (s: [number, number]) => pauses.some((p) => p.start < s[1] && p.end > s[0]);
  const results = {} as Record<Series, Spread & { gc_hit: number; without_gc: Spread }>;
  for (const name of Object.keys(samples) as Series[]) {
    const xs = samples[name];
    const clean = xs.filter((s) => !gcHit(s));
    results[name] = { ...spread(xs.map(([a, b]) => b - a)), gc_hit: xs.length - clean.length, without_gc: spread(clean.map(([a, b]) => b - a)) };
  }

  // The server's share: the same statement's execution alone (EXPLAIN ANALYZE of its cached generic plan).
  await client.query(`prepare bench_features as ${FEATURES_SQL}`);
  const executions: number[] = [];
  let read = 0;
  const now = Date.now();
  const explained = Math.min(RUNS, 5000);
  for (let i = 0; i < explained; i++) {
    const values = featuresParameters(tenant, keysOf((i % 2 ? fresh : known)(i + 2_000_000)), now, []);
    // EXPLAIN EXECUTE takes no bound parameters: the values go in as literals.
    const literal = (v: unknown): string =>
      v === null
        ? "null"
        : v instanceof Date
          ? `'${v.toISOString()}'`
          : Array.isArray(v)
            ? client.escapeLiteral(`{${v.map((x) => `"${String(x)}"`).join(",")}}`)
            : typeof v === "boolean"
              ? String(v)
              : client.escapeLiteral(String(v));
    const r = await client.query<{ "QUERY PLAN": { "Execution Time": number; Plan: { "Shared Read Blocks": number } }[] }>(
      `explain (analyze, buffers, timing off, format json) execute bench_features(${values.map(literal).join(", ")})`,
    );
    const plan = r.rows[0]!["QUERY PLAN"][0]!;
    executions.push(plan["Execution Time"]);
    read += plan.Plan["Shared Read Blocks"];
  }
  await client.end();
  const execution = spread(executions);

  console.log(`  ${RUNS.toLocaleString("en-US")} samples of each, interleaved on one connection:`);
  for (const name of ["known_card", "new_card_and_email", "select_1"] as const) {
    const v = results[name];
    const label = name === "select_1" ? "bare select 1 (noise floor)" : `fraud check, ${name.replace(/_/g, " ")}`;
    console.log(`  ${label.padEnd(36)} ${fmt(v)} (${v.gc_hit} samples met a GC pause)`);
  }
  console.log(
    `  statement execution on the server (${explained.toLocaleString("en-US")} EXPLAIN ANALYZE, ${read} blocks read outside shared buffers): ${fmt(execution)}`,
  );
  const worstP99 = Math.max(results.known_card.p99, results.new_card_and_email.p99);
  console.log(
    `\nFraud check at ${LARGE.toLocaleString("en-US")} payments: p99 ${worstP99} ms (target ≤ 2 ms) ${worstP99 <= 2 ? "✓" : "✗"}; the bare round trip's p99 on the same connection: ${results.select_1.p99} ms`,
  );
  fs.mkdirSync(path.join(process.cwd(), "test-results"), { recursive: true });
  fs.writeFileSync(
    path.join(process.cwd(), "test-results", "bench-fraud.json"),
    JSON.stringify({ payments: LARGE, runs: RUNS, priority, postgres: pgSettings, results, execution, targetP99Ms: 2, worstP99Ms: worstP99 }, null, 2),
  );
}

/**
 * KASSA_BENCH_PRIORITY=1: nice -20 for these processes and their autogroups (a PostgreSQL backend is a
 * session of its own); =rt: also the real-time FIFO class (chrt), so no other process on a busy machine
 * runs ahead of the check once it is ready — the kernel still keeps 5% of each second for everything else.
 */
function raisePriority(pids: number[]): string {
  const mode = process.env.KASSA_BENCH_PRIORITY;
  if (mode !== "1" && mode !== "rt") return "default (KASSA_BENCH_PRIORITY=1 or rt ranks the bench first)";
  try {
    for (const pid of pids) {
      os.setPriority(pid, -20);
      if (fs.existsSync(`/proc/${pid}/autogroup`)) fs.writeFileSync(`/proc/${pid}/autogroup`, "-20");
      if (mode === "rt") execFileSync("chrt", ["-f", "-p", "10", String(pid)]);
    }
    return mode === "rt"
      ? "real-time FIFO (chrt -f 10) for the bench and its PostgreSQL backend"
      : "nice -20 and autogroup nice -20 for the bench and its PostgreSQL backend";
  } catch (e) {
    return `default (could not raise it: ${(e as Error).message})`;
  }
}
