/**
 * `npm run bench`: the money path's speed and memory over real HTTP against a production build on a
 * real PostgreSQL. Measures, in one run:
 *   1. the maximum throughput of a bare route of the same app (GET /api/ping);
 *   2. the maximum throughput of create+confirm (POST /api/v1/payments, confirm: true, sandbox card);
 *   3. p50/p99 latency of create+confirm at half of its own maximum;
 *   4. the server's RSS over a soak at half load (KASSA_BENCH_SOAK_SECONDS, default 300).
 *   5. create+confirm's maximum again with the fraud check off (KASSA_BENCH_SKIP_FRAUD_CHECK, test mode only), beside 2.
 *   6. create+confirm's maximum without and with request logs (KASSA_BENCH_SKIP_REQUEST_LOG, test mode only), back to back (target ≥ 95 %).
 * Prints the figures and the targets (ratio ≥ 50 %, p99 ≤ 50 ms, RSS flat within ±10 %).
 * KASSA_BENCH_SKIP_BUILD=1 reuses an existing .next build; KASSA_BENCH_SECONDS sets each measurement.
 */
import { spawn, execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { createDatabase, freePort, startPgServer } from "./pg-server";

const root = path.resolve(import.meta.dirname, "..");
const seconds = Number(process.env.KASSA_BENCH_SECONDS ?? 15);
const soakSeconds = Number(process.env.KASSA_BENCH_SOAK_SECONDS ?? 300);
const connections = Number(process.env.KASSA_BENCH_CONNECTIONS ?? 10);

function sh(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

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

async function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const pg = await startPgServer();
let server: ReturnType<typeof spawn> | undefined;
try {
  if (process.env.KASSA_BENCH_SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    if ((await sh("npx", ["next", "build"], { NODE_ENV: "production" })) !== 0) throw new Error("next build failed");
  }
  const databaseUrl = await createDatabase(pg.url(), "kassa_bench");
  const port = await freePort();
  const executorPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  /** Starts `next start` on the bench database; `extra` adds env (the fraud-check-off run). */
  const startServer = async (extra: Record<string, string> = {}) => {
    // Its own process group, so stopping it stops next-server too.
    server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: "bench-secret-not-for-production-0123456789",
        KASSA_URL: base,
        KASSA_RATE_LIMIT_API: "1000000/1s",
        KASSA_SEED_DEMO: "false",
        KASSA_EXECUTOR_PORT: String(executorPort),
        ...(process.env.KASSA_LOCAL_EXECUTOR ? { KASSA_LOCAL_EXECUTOR: process.env.KASSA_LOCAL_EXECUTOR } : {}),
        LOG_LEVEL: "warn",
        ...extra,
      },
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not yet */
      }
      if (i > 240) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const stopServer = async () => {
    if (!server?.pid) return;
    const gone = new Promise((r) => server!.once("exit", r));
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    await gone;
    server = undefined;
  };
  await startServer();

  // A merchant and a key, made through the service verbs on the same database.
  process.env.DATABASE_URL = databaseUrl;
  const { openDatabase } = await import("@/db/client");
  const { signUp } = await import("@/lib/team/sign-up");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const h = await openDatabase(databaseUrl);
  const { merchantId, userId } = await signUp({
    db: h.db,
    input: { name: "Bench", email: `bench-${Date.now()}@kassa.test`, password: "bench horse battery", business_name: "Bench shop" },
  });
  const { secret } = await createApiKey({
    ctx: { merchantId, livemode: false, actor: { type: "user", id: userId }, role: "owner", db: h.db },
    input: { kind: "secret", name: "bench" },
  });
  await h.close();

  const payment = {
    url: `${base}/api/v1/payments`,
    method: "POST" as const,
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
    body: JSON.stringify({ amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true }),
  };
  const warm = { duration: 3, connections };
  await load({ url: `${base}/api/ping`, ...warm });
  await load({ ...payment, ...warm });

  const bare = await load({ url: `${base}/api/ping`, duration: seconds, connections });
  const pay = await load({ ...payment, duration: seconds, connections });
  const payMax = pay.requests.average;
  const half = Math.max(1, Math.floor(payMax / 2));
  const steady = await load({ ...payment, duration: seconds, connections, overallRate: half });
  const bareSteady = await load({ url: `${base}/api/ping`, duration: seconds, connections, overallRate: Math.floor(bare.requests.average / 2) });

  // RSS is sampled every 10 s; the first 30 s settle the heap after the full-load runs above.
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(server!.pid!)), 10_000);
  const soak = await load({ ...payment, duration: soakSeconds, connections, overallRate: half });
  clearInterval(timer);
  samples.push(rssMb(server!.pid!));
  const settled = samples.length > 4 ? samples.slice(3) : samples;
  const rssStart = settled[0]!;
  const rssEnd = settled.at(-1)!;

  // The same create+confirm with Kassa's fraud check off (a test-mode-only switch for this comparison):
  // what scoring costs in throughput, measured in the same run.
  await stopServer();
  await startServer({ KASSA_BENCH_SKIP_FRAUD_CHECK: "1" });
  await load({ ...payment, ...warm });
  const unscored = await load({ ...payment, duration: seconds, connections });

  // And with request logging off (KASSA_BENCH_SKIP_REQUEST_LOG, test mode only): with and without, back to
  // back on fresh servers, so the two figures share their conditions.
  await stopServer();
  await startServer({ KASSA_BENCH_SKIP_REQUEST_LOG: "1" });
  await load({ ...payment, ...warm });
  const unlogged = await load({ ...payment, duration: seconds, connections });
  await stopServer();
  await startServer();
  await load({ ...payment, ...warm });
  const logged = await load({ ...payment, duration: seconds, connections });
  const logRatio = logged.requests.average / unlogged.requests.average;

  const ratio = payMax / bare.requests.average;
  const non2xx = pay.non2xx + steady.non2xx + soak.non2xx + unscored.non2xx + unlogged.non2xx + logged.non2xx;
  const drift = (rssEnd - rssStart) / rssStart;
  const lines = [
    "",
    "Kassa bench (production build, PostgreSQL, sandbox processor)",
    `  bare route GET /api/ping            ${bare.requests.average.toFixed(0)} req/s  p50 ${bare.latency.p50} ms  p99 ${bare.latency.p99} ms`,
    `  create+confirm POST /api/v1/payments ${payMax.toFixed(0)} req/s  p50 ${pay.latency.p50} ms  p99 ${pay.latency.p99} ms`,
    `  create+confirm without fraud check   ${unscored.requests.average.toFixed(0)} req/s  p50 ${unscored.latency.p50} ms  p99 ${unscored.latency.p99} ms   (scoring costs ${((1 - payMax / unscored.requests.average) * 100).toFixed(1)} % of throughput)`,
    `  create+confirm with request logs     ${logged.requests.average.toFixed(0)} req/s  p50 ${logged.latency.p50} ms  p99 ${logged.latency.p99} ms`,
    `  create+confirm without request logs  ${unlogged.requests.average.toFixed(0)} req/s  p50 ${unlogged.latency.p50} ms  p99 ${unlogged.latency.p99} ms   (with/without ${(logRatio * 100).toFixed(1)} %, target ≥ 95 %)`,
    `  ratio create+confirm / bare          ${(ratio * 100).toFixed(1)} %   (target ≥ 50 %)`,
    `  at half load (${half} req/s)           p50 ${steady.latency.p50} ms  p99 ${steady.latency.p99} ms   (target p99 ≤ 50 ms)`,
    `  bare route at half load (${Math.floor(bare.requests.average / 2)} req/s)  p50 ${bareSteady.latency.p50} ms  p99 ${bareSteady.latency.p99} ms`,
    `  soak ${soakSeconds} s at ${half} req/s: RSS ${rssStart} MB → ${rssEnd} MB (${(drift * 100).toFixed(1)} %, range ${Math.min(...settled)}–${Math.max(...settled)} MB after 30 s; target ±10 %)`,
    `  errors: ${non2xx} non-2xx, ${pay.errors + steady.errors + soak.errors} connection errors`,
    "",
  ];
  console.log(lines.join("\n"));
  fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "test-results", "bench.json"),
    JSON.stringify(
      {
        bare: bare.requests.average,
        createConfirm: payMax,
        createConfirmWithoutFraudCheck: unscored.requests.average,
        createConfirmWithRequestLogs: logged.requests.average,
        createConfirmWithoutRequestLogs: unlogged.requests.average,
        requestLogRatio: logRatio,
        ratio,
        halfLoad: half,
        p50: steady.latency.p50,
        p99: steady.latency.p99,
        rssStart,
        rssEnd,
        samples,
        non2xx,
      },
      null,
      2,
    ),
  );
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  await pg.stop().catch(() => undefined);
}
