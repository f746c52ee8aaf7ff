/**
 * `npm run bench`: the API's speed and memory over real HTTP against a production build on a real PostgreSQL
 * (sized like a production server: BENCH_PG_SETTINGS). Measures, in one run:
 *   1. the maximum throughput of a bare route of the same app (GET /api/ping), and its p50/p99 at half of it
 *      (maximums under autocannon's closed loop; latencies "at half" under an open loop of evenly spaced requests);
 *   2. create+confirm (POST /api/v1/payments, confirm: true, sandbox card, fraud scoring, ledger, outbox,
 *      idempotency, request log): its maximum, and p50/p99 at half of its own maximum;
 *   3. an idempotent replay of a completed create+confirm (same Idempotency-Key, same body): its maximum, and
 *      p50/p99 at half of it, as the client sees it and as the server timed it (its Server-Timing header);
 *   4. GET /api/v1/payments/{id}: its maximum against the bare route's;
 *   5. the server's RSS over a soak at half of create+confirm's maximum (KASSA_BENCH_SOAK_SECONDS, default 300);
 *   6. create+confirm on fresh servers without the fraud check (KASSA_BENCH_SKIP_FRAUD_CHECK) and without and
 *      with request logs (KASSA_BENCH_SKIP_REQUEST_LOG), back to back — what each optional stage costs — and for a
 *      merchant whose payments go through routing rules (a 50/50 split over the two sandboxes) and breakers;
 *   7. create+confirm on a second PostgreSQL whose commits are durable and take 2 ms (DURABLE_COMMIT_SETTINGS), as a
 *      managed server's do, with four test cards in turn: a row that all of a merchant's payments write would cap it
 *      at one payment per commit.
 * Prints the figures beside the targets, writes them to bench/last.json (committed, so a change shows in review),
 * and with `--compare` first prints each figure's change against the bench/last.json it replaces.
 * KASSA_BENCH_SKIP_BUILD=1 reuses an existing .next build; KASSA_BENCH_SECONDS sets each measurement;
 * KASSA_BENCH_CONNECTIONS the load's connections (default 10).
 */
import { execSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Client as PgClient } from "pg";
import { BENCH_PG_SETTINGS, DURABLE_COMMIT_SETTINGS, createDatabase, freePort, startPgServer } from "./pg-server";
import { buildApp, root, startProdServer, type ProdServer } from "./prod-server";
import { benchMerchantKey, benchServerEnv } from "./bench-app";
import { compareFigures, type BenchFile, type Figures } from "./bench-figures";

const seconds = Number(process.env.KASSA_BENCH_SECONDS ?? 15);
const soakSeconds = Number(process.env.KASSA_BENCH_SOAK_SECONDS ?? 300);
const connections = Number(process.env.KASSA_BENCH_CONNECTIONS ?? 10);
const compare = process.argv.includes("--compare");
const lastPath = path.join(root, "bench", "last.json");

/** Resident memory of a process and its children, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const pids = [pid];
  try {
    pids.push(...execSync(`pgrep -P ${pid}`, { encoding: "utf8" }).split("\n").filter(Boolean).map(Number));
  } catch {
    /* no children */
  }
  let kb = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return Math.round(kb / 1024);
}

function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

type Target = Omit<autocannon.Options, "duration" | "connections" | "overallRate">;
let errors = 0;
/** A short warm-up, then the target's maximum over `seconds`. */
async function max(target: Target): Promise<autocannon.Result> {
  await load({ ...target, duration: 3, connections });
  const r = await load({ ...target, duration: seconds, connections });
  errors += r.non2xx + r.errors;
  return r;
}
/** The server's own time per request, from its `Server-Timing: app;dur=…` header (lib/http/core.ts). */
function serverMs(headers: Record<string, string | string[] | undefined>): number | undefined {
  const m = /\bapp;dur=([\d.]+)/.exec(String(headers["server-timing"] ?? ""));
  return m ? Number(m[1]) : undefined;
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

interface Paced {
  requests: { average: number };
  latency: { p50: number; p99: number };
  /** The server's own time per request (its Server-Timing header). */
  server: { p50: number; p99: number };
}

/**
 * The open loop's client: node:http over kept-alive connections, answers read to the end. (Node's `fetch` costs
 * the bench's process several times the CPU per request, on the same two cores as the server it measures.)
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function send(url: string, method: string, headers: Record<string, string> | undefined, body: string | undefined) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { ...headers, ...(body ? { "Content-Length": Buffer.byteLength(body) } : {}) } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Latency at a fixed rate (half of a maximum), open loop: one request every 1/rate seconds whatever the
 * answers, as clients arrive. (autocannon's overallRate releases its connections' requests together, in
 * bursts of `connections`, so every request would also wait for the rest of its burst.)
 */
async function at(target: Target, rate: number, duration = seconds): Promise<Paced> {
  const latencies: number[] = [];
  const server: number[] = [];
  const interval = 1000 / Math.max(1, rate);
  const { method = "GET", headers, body } = target;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  let sent = 0;
  for (let next = started; next < started + duration * 1000; next += interval) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    sent++;
    inflight.push(
      send(target.url!, method, headers as Record<string, string> | undefined, body as string | undefined).then(
        (res) => {
          latencies.push(performance.now() - t);
          const ms = serverMs(res.headers);
          if (ms !== undefined) server.push(ms);
          if (res.status >= 300) errors++;
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  server.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: { average: sent / duration },
    latency: { p50: round(percentile(latencies, 0.5)), p99: round(percentile(latencies, 0.99)) },
    server: { p50: percentile(server, 0.5), p99: percentile(server, 0.99) },
  };
}

/**
 * Waits until the server's background work is done: every outbox event handed to the workflow engine and no
 * workflow step due. A payment's events run functions after its request has answered; without this, the
 * backlog of one measurement would run during the next and be counted against it.
 */
async function settle(databaseUrl: string): Promise<void> {
  const client = new PgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 600; i++) {
      const { rows } = await client.query<{ outbox: string; due: string }>(
        `select (select count(*) from events where published_at is null) as outbox,
                (select count(*) from inngest_local.inngest_queue where due_at <= now()) as due`,
      );
      if (Number(rows[0]!.outbox) === 0 && Number(rows[0]!.due) === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    console.warn("bench: the background work did not settle in 5 minutes; measuring anyway");
  } finally {
    await client.end();
  }
}

const previous: BenchFile | undefined = fs.existsSync(lastPath) ? JSON.parse(fs.readFileSync(lastPath, "utf8")) : undefined;
const pg = await startPgServer({ settings: BENCH_PG_SETTINGS });
let server: ProdServer | undefined;
try {
  await buildApp({ skipIfBuilt: process.env.KASSA_BENCH_SKIP_BUILD === "1" });
  const databaseUrl = await createDatabase(pg.url(), "kassa_bench");
  const port = await freePort();
  const executorPort = await freePort();
  /** `next start` on the bench database (or `database`); `extra` adds env (the runs without a stage). */
  const start = async (extra: Record<string, string> = {}, database = databaseUrl) => {
    await server?.stop();
    server = await startProdServer({
      port,
      env: {
        ...benchServerEnv(database, executorPort),
        ...(process.env.KASSA_LOCAL_EXECUTOR ? { KASSA_LOCAL_EXECUTOR: process.env.KASSA_LOCAL_EXECUTOR } : {}),
        ...extra,
      },
    });
    return server.base;
  };
  const base = await start();

  // A merchant and a key, made through the service verbs on the same database.
  process.env.DATABASE_URL = databaseUrl;
  const { openDatabase } = await import("@/db/client");
  const { signUp } = await import("@/lib/team/sign-up");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const h = await openDatabase(databaseUrl);
  const secret = await benchMerchantKey(h.db);
  // A second merchant whose payments go through routing rules (a 50/50 split over the two sandboxes) and breakers.
  const { updateRoutingRules } = await import("@/lib/routing/update-routing-rules");
  const routed = await signUp({
    db: h.db,
    input: { name: "Bench routed", email: `bench-routed-${Date.now()}@kassa.test`, password: "bench horse battery", business_name: "Bench routed" },
  });
  const routedCtx = { merchantId: routed.merchantId, livemode: false, actor: { type: "user" as const, id: routed.userId }, role: "owner" as const, db: h.db };
  const routedKey = (await createApiKey({ ctx: routedCtx, input: { kind: "secret", name: "bench" } })).secret;
  await updateRoutingRules({
    ctx: routedCtx,
    input: {
      rules: [],
      default: {
        split: [
          { connector: "sandbox", weight: 50 },
          { connector: "sandbox_b", weight: 50 },
        ],
      },
    },
  });
  await h.close();

  const headers = { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" };
  const body = JSON.stringify({ amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true });
  const ping: Target = { url: `${base}/api/ping` };
  const payment: Target = { url: `${base}/api/v1/payments`, method: "POST", headers, body };
  // The replay: one completed create+confirm, then the same key and body again and again.
  const replayHeaders = { ...headers, "Idempotency-Key": `bench-replay-${Date.now()}` };
  const first = await fetch(payment.url!, { method: "POST", headers: replayHeaders, body });
  if (first.status !== 200) throw new Error(`the replay's first request answered ${first.status}: ${await first.text()}`);
  const paid = (await first.json()) as { id: string; status: string };
  if (paid.status !== "succeeded") throw new Error(`the replay's payment is ${paid.status}`);
  const replay: Target = { url: payment.url, method: "POST", headers: replayHeaders, body };
  const getById: Target = { url: `${base}/api/v1/payments/${paid.id}`, headers: { Authorization: `Bearer ${secret}` } };
  const check = await fetch(replay.url!, { method: "POST", headers: replayHeaders, body });
  if (check.headers.get("idempotent-replayed") !== "true") throw new Error("the replay was not answered as a replay");

  // The reads first, on a settled server; then create+confirm, settling after each load so its workflows'
  // backlog is not counted against the next measurement.
  await settle(databaseUrl);
  const bare = await max(ping);
  const bareHalf = await at(ping, bare.requests.average / 2);
  const replayed = await max(replay);
  const replayHalf = await at(replay, replayed.requests.average / 2);
  const got = await max(getById);
  const pay = await max(payment);
  await settle(databaseUrl);
  const payHalf = await at(payment, pay.requests.average / 2);
  await settle(databaseUrl);

  // RSS is sampled every 10 s; the first 30 s settle the heap after the full-load runs above.
  const samples: number[] = [];
  const pid = server!.process.pid!;
  const timer = setInterval(() => samples.push(rssMb(pid)), 10_000);
  await at(payment, pay.requests.average / 2, soakSeconds);
  clearInterval(timer);
  samples.push(rssMb(pid));
  const settled = samples.length > 4 ? samples.slice(3) : samples;

  // Each optional stage off in turn (test-mode-only switches for these comparisons), on fresh servers, then the
  // full path again on a fresh server, so the figures beside each other share their conditions.
  await settle(databaseUrl);
  await start({ KASSA_BENCH_SKIP_FRAUD_CHECK: "1" });
  const unscored = await max(payment);
  await settle(databaseUrl);
  await start({ KASSA_BENCH_SKIP_REQUEST_LOG: "1" });
  const unlogged = await max(payment);
  await settle(databaseUrl);
  await start();
  const full = await max(payment);
  await settle(databaseUrl);
  await start();
  const withRouting = await max({ ...payment, headers: { ...headers, Authorization: `Bearer ${routedKey}` } });

  // Durable 2 ms commits, on a PostgreSQL of their own (the server migrates its database; then a merchant).
  await server!.stop();
  const durablePg = await startPgServer({ settings: { ...BENCH_PG_SETTINGS, ...DURABLE_COMMIT_SETTINGS } });
  let durable: autocannon.Result;
  try {
    const durableUrl = await createDatabase(durablePg.url(), "kassa_bench_durable");
    await start({}, durableUrl);
    const hd = await openDatabase(durableUrl);
    const durableKey = await benchMerchantKey(hd.db).finally(() => hd.close());
    // Four test cards in turn: a card's own fraud rows are shared by that card's payments only, and one card paying
    // hundreds of times a second is not a merchant's traffic; what this stage looks for is rows all payments share.
    const cards = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex", "pm_card_visa_debit"];
    let turn = 0;
    const cardBody = () => JSON.stringify({ amount: 4200, currency: "usd", payment_method: cards[turn++ % cards.length], confirm: true });
    durable = await max({
      ...payment,
      headers: { ...headers, Authorization: `Bearer ${durableKey}` },
      requests: [{ setupRequest: (request) => ({ ...request, body: cardBody() }) }],
    });
    await server!.stop();
    server = undefined;
  } finally {
    await durablePg.stop().catch(() => undefined);
  }

  const figures: Figures = {
    "bare.rps": bare.requests.average,
    "bare.half.p99_ms": bareHalf.latency.p99,
    "create_confirm.rps": pay.requests.average,
    "create_confirm.ratio_to_bare": pay.requests.average / bare.requests.average,
    "create_confirm.half.rps": payHalf.requests.average,
    "create_confirm.half.p50_ms": payHalf.latency.p50,
    "create_confirm.half.p99_ms": payHalf.latency.p99,
    "create_confirm.half.server_p99_ms": payHalf.server.p99,
    "replay.rps": replayed.requests.average,
    "replay.half.p50_ms": replayHalf.latency.p50,
    "replay.half.p99_ms": replayHalf.latency.p99,
    "replay.half.server_p50_ms": replayHalf.server.p50,
    "replay.half.server_p99_ms": replayHalf.server.p99,
    "get_by_id.rps": got.requests.average,
    "get_by_id.ratio_to_bare": got.requests.average / bare.requests.average,
    "stages.full.rps": full.requests.average,
    "stages.without_fraud_check.rps": unscored.requests.average,
    "stages.without_request_log.rps": unlogged.requests.average,
    "stages.request_log_ratio": full.requests.average / unlogged.requests.average,
    "stages.fraud_check_ratio": full.requests.average / unscored.requests.average,
    "stages.with_routing.rps": withRouting.requests.average,
    "stages.routing_ratio": withRouting.requests.average / full.requests.average,
    "stages.durable_commits.rps": durable.requests.average,
    "stages.durable_commits_ratio": durable.requests.average / full.requests.average,
    "soak.rss_start_mb": settled[0]!,
    "soak.rss_end_mb": settled.at(-1)!,
    "soak.rss_drift": (settled.at(-1)! - settled[0]!) / settled[0]!,
    errors,
  };
  const f = (k: string, digits = 0) => figures[k]!.toFixed(digits);
  const pct = (k: string) => `${(figures[k]! * 100).toFixed(1)} %`;
  console.log(
    [
      "",
      `Kassa bench (production build, PostgreSQL, sandbox processor; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)} at the end)`,
      `  bare route GET /api/ping             ${f("bare.rps")} req/s   at half: p99 ${f("bare.half.p99_ms")} ms`,
      `  create+confirm POST /api/v1/payments ${f("create_confirm.rps")} req/s = ${pct("create_confirm.ratio_to_bare")} of bare (target ≥ 50 %)`,
      `    at half (${f("create_confirm.half.rps")} req/s)             p50 ${f("create_confirm.half.p50_ms")} ms  p99 ${f("create_confirm.half.p99_ms")} ms (target p99 ≤ 50 ms); server time p99 ${f("create_confirm.half.server_p99_ms", 1)} ms`,
      `  idempotent replay                    ${f("replay.rps")} req/s   at half: p50 ${f("replay.half.p50_ms")} ms  p99 ${f("replay.half.p99_ms")} ms;`,
      `    server time at half                p50 ${f("replay.half.server_p50_ms", 1)} ms  p99 ${f("replay.half.server_p99_ms", 1)} ms (target p99 ≤ 5 ms server time)`,
      `  GET /api/v1/payments/{id}            ${f("get_by_id.rps")} req/s = ${pct("get_by_id.ratio_to_bare")} of bare (target ≥ 70 %)`,
      `  stages, fresh servers back to back:  full ${f("stages.full.rps")} req/s, without fraud check ${f("stages.without_fraud_check.rps")} (full = ${pct("stages.fraud_check_ratio")}),`,
      `                                       without request log ${f("stages.without_request_log.rps")} (full = ${pct("stages.request_log_ratio")}, target ≥ 95 %),`,
      `                                       with routing rules and breakers ${f("stages.with_routing.rps")} (${pct("stages.routing_ratio")} of full)`,
      `                                       on durable 2 ms commits ${f("stages.durable_commits.rps")} (${pct("stages.durable_commits_ratio")} of full)`,
      `  soak ${soakSeconds} s at half load: RSS ${f("soak.rss_start_mb")} MB → ${f("soak.rss_end_mb")} MB (${pct("soak.rss_drift")}, range ${Math.min(...settled)}–${Math.max(...settled)} MB after 30 s; target ±10 %)`,
      `  errors: ${errors} non-2xx or connection errors`,
      "",
    ].join("\n"),
  );
  const file: BenchFile = {
    at: new Date().toISOString(),
    commit: execSync("git rev-parse --short HEAD", { cwd: root, encoding: "utf8" }).trim(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", load: os.loadavg()[0]! },
    settings: { seconds, soakSeconds, connections },
    figures,
  };
  if (compare) {
    if (previous) console.log(compareFigures(previous, file));
    else console.log(`--compare: no ${path.relative(root, lastPath)} to compare with yet`);
  }
  fs.mkdirSync(path.dirname(lastPath), { recursive: true });
  fs.writeFileSync(lastPath, JSON.stringify(file, null, 2) + "\n");
  console.log(`figures written to ${path.relative(root, lastPath)}`);
  if (errors > 0) process.exitCode = 1;
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await server?.stop();
  await pg.stop().catch(() => undefined);
}
