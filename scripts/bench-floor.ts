/**
 * `npm run bench:floor`: what this stack costs before Kassa's own work, as a ladder of ratios to the bare route,
 * so `npm run bench`'s targets can be read against what the framework and the driver allow on the same machine.
 * A production build with KASSA_BENCH_FLOOR=1 (into .next-bench-floor; only that build has app/api/bench-floor's
 * routes) on the bench's PostgreSQL settings; each rung is autocannon's maximum over KASSA_BENCH_SECONDS (15) with
 * KASSA_BENCH_CONNECTIONS (10), after a 3 s warm-up, in this order:
 *   bare GET /api/ping · a dynamic route's fixed JSON payment · that route reading the payment's row by one prepared
 *   SELECT (no key, no serialiser) · GET /api/v1/payments/:id · a POST of the payment's JSON answering JSON · that POST
 *   inserting one row · that POST making three round trips (SELECT, INSERT, UPDATE of one row, as a confirm's fraud
 *   read, phase A and phase B) · POST /api/v1/payments with confirm: true.
 * Prints each rung's req/s, its ratio to the bare route and the server's CPU per request (/proc), and writes them to
 * test-results/bench-floor.json. KASSA_BENCH_SKIP_BUILD=1 reuses an existing .next-bench-floor build.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Client as PgClient } from "pg";
import { BENCH_PG_SETTINGS, createDatabase, freePort, startPgServer } from "./pg-server";
import { root, sh, startProdServer, type ProdServer } from "./prod-server";
import { benchMerchantKey, benchServerEnv } from "./bench-app";

const seconds = Number(process.env.KASSA_BENCH_SECONDS ?? 15);
const connections = Number(process.env.KASSA_BENCH_CONNECTIONS ?? 10);
const DIST_DIR = ".next-bench-floor";
const floorEnv = { KASSA_BENCH_FLOOR: "1", KASSA_NEXT_DIST_DIR: DIST_DIR };

type Target = Omit<autocannon.Options, "duration" | "connections">;
const load = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));

/** CPU seconds (user + system) of a process and its children (Linux /proc). */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const dir of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${dir}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(dir) === pid || Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks / 100;
}

if (process.env.KASSA_BENCH_SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
  if ((await sh("npx", ["next", "build"], { NODE_ENV: "production", ...floorEnv })) !== 0) throw new Error("next build failed");
}
const pg = await startPgServer({ settings: BENCH_PG_SETTINGS });
let server: ProdServer | undefined;
try {
  const databaseUrl = await createDatabase(pg.url(), "kassa_bench_floor");
  server = await startProdServer({
    port: await freePort(),
    env: { ...floorEnv, ...benchServerEnv(databaseUrl, await freePort()) },
  });
  const pgClient = new PgClient({ connectionString: databaseUrl });
  await pgClient.connect();
  await pgClient.query("create table bench_floor (id text primary key, amount bigint not null, data jsonb not null)");
  await pgClient.end();

  process.env.DATABASE_URL = databaseUrl;
  const { openDatabase } = await import("@/db/client");
  const h = await openDatabase(databaseUrl);
  const secret = await benchMerchantKey(h.db).finally(() => h.close());

  const base = server.base;
  const auth = { Authorization: `Bearer ${secret}` };
  const json = { "Content-Type": "application/json" };
  const body = JSON.stringify({ amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true });
  const paid = (await (await fetch(`${base}/api/v1/payments`, { method: "POST", headers: { ...auth, ...json }, body })).json()) as { id: string };
  if (!paid.id?.startsWith("pay_")) throw new Error(`the bench's payment was not made: ${JSON.stringify(paid)}`);

  const rungs: [string, Target][] = [
    ["bare GET /api/ping", { url: `${base}/api/ping` }],
    ["GET a dynamic route's fixed JSON payment", { url: `${base}/api/bench-floor/${paid.id}` }],
    ["  + its row by one prepared SELECT", { url: `${base}/api/bench-floor/${paid.id}?db=1` }],
    ["GET /api/v1/payments/:id", { url: `${base}/api/v1/payments/${paid.id}`, headers: auth }],
    ["POST a payment's JSON, answered JSON", { url: `${base}/api/bench-floor`, method: "POST", headers: json, body }],
    ["  + one INSERT", { url: `${base}/api/bench-floor?db=1`, method: "POST", headers: json, body }],
    ["  + three round trips (SELECT, INSERT, UPDATE)", { url: `${base}/api/bench-floor?db=3`, method: "POST", headers: json, body }],
    ["POST /api/v1/payments (create+confirm)", { url: `${base}/api/v1/payments`, method: "POST", headers: { ...auth, ...json }, body }],
  ];
  const figures: { rung: string; rps: number; ratio: number; server_cpu_ms: number }[] = [];
  for (const [rung, target] of rungs) {
    await load({ ...target, duration: 3, connections });
    const cpu0 = cpuSeconds(server.process.pid!);
    const result = await load({ ...target, duration: seconds, connections });
    const cpu = cpuSeconds(server.process.pid!) - cpu0;
    if (result.non2xx + result.errors > 0) throw new Error(`${rung}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    const rps = result.requests.average;
    figures.push({ rung, rps, ratio: rps / (figures[0]?.rps ?? rps), server_cpu_ms: (cpu / result.requests.total) * 1000 });
  }
  console.log(`\nKassa bench floor (production build, PostgreSQL; ${os.cpus().length} cores, ${connections} connections, ${seconds} s each)`);
  for (const f of figures) {
    console.log(
      `  ${f.rung.padEnd(48)} ${f.rps.toFixed(0).padStart(6)} req/s ${(f.ratio * 100).toFixed(1).padStart(6)} %   server CPU ${f.server_cpu_ms.toFixed(2)} ms/req`,
    );
  }
  fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "test-results", "bench-floor.json"),
    JSON.stringify({ cores: os.cpus().length, connections, seconds, figures }, null, 2) + "\n",
  );
} finally {
  await server?.stop();
  await pg.stop();
}
