/**
 * `npm run bench:first-start`: the newcomer's first minute, measured. Starts `npm run dev` as the
 * README says (its defaults: PGlite, 3,000 demo payments in the background) on an empty data folder
 * and a free port, then reports
 *   1. the time from `npm run dev` to the first 200 from /api/health (target ≤ 15 s);
 *   2. the latency of requests made while the demo data is being written — /api/health, /login, the
 *      API's account and payment list with the banner's key, one at a time — as p50/p95/max, of all
 *      of them and without each route's first request, which `next dev` spends compiling (target
 *      p95 ≤ 2 s);
 *   3. how long the demo data took, and when next dev said the portal was warm.
 * A benchmark, not a test: it prints the figures against the targets and exits 0 unless it could not
 * measure. KASSA_BENCH_FIRST_START_SECONDS caps the wait for the seed (default 900).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { newcomerEnv, SEEDED, SEEDING, startDev, stopDev, waitForOutput } from "./dev-server";
import { freePort } from "./pg-server";

const cap = Number(process.env.KASSA_BENCH_FIRST_START_SECONDS ?? 900) * 1000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-bench-first-start-"));
const [port, executorPort] = [await freePort(), await freePort()];
const origin = `http://127.0.0.1:${port}`;
const started = performance.now();
const env = newcomerEnv(dataDir, port, executorPort);
// A newcomer has no build cache: start next dev cold, as they do (a cache left by an earlier run,
// or by a run that was killed, made the first answer anywhere from 7 to 18 s).
fs.rmSync(path.resolve(import.meta.dirname, "..", env.KASSA_NEXT_DIST_DIR!), { recursive: true, force: true });
const server = startDev(env);
const stop = () => {
  if (server.child.pid) process.kill(-server.child.pid, "SIGKILL");
};
// A dev server that dies (out of memory, a crash) ends the benchmark at once with its last output,
// instead of the loops below waiting out the cap.
let exited = false;
void server.exited.then(() => (exited = true));
const alive = (what: string) => {
  if (exited) throw new Error(`npm run dev exited while ${what}:\n${server.output().slice(-4000)}`);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => (stop(), process.exit(130)));
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  try {
    const res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(120_000) });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t };
  } catch {
    return { status: 0, ms: performance.now() - t };
  }
}

/** Resident memory of the dev server's whole process group (npm, next, its workers), in MB. */
function groupRssMb(pgid: number): number {
  try {
    const rows = execFileSync("ps", ["-eo", "pgid=,rss="], { encoding: "utf8" }).trim().split("\n");
    return Math.round(rows.map((r) => r.trim().split(/\s+/).map(Number)).reduce((kb, [g, rss]) => (g === pgid ? kb + (rss ?? 0) : kb), 0) / 1024);
  } catch {
    return NaN;
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
}

try {
  // 1. Time to the first 200 (a refused connection or a 5xx is "not yet").
  let firstOk = 0;
  while (!firstOk) {
    alive("waiting for the first 200");
    if (performance.now() - started > cap) throw new Error(`no 200 from /api/health within ${cap / 1000} s`);
    const r = await timed(`${origin}/api/health`);
    if (r.status === 200) firstOk = performance.now() - started;
    else await new Promise((res) => setTimeout(res, 200));
  }
  const key = (await waitForOutput(server, /Test secret key:\s+(sk_test_\w+)/, 60_000))[1]!;
  const seedingAtFirstOk = !SEEDED.test(server.output()) && [...server.output().matchAll(SEEDING)].length > 0;

  // 2. Requests while the seed runs, one at a time.
  const routes: { name: string; url: string; headers: Record<string, string> }[] = [
    { name: "/api/health", url: `${origin}/api/health`, headers: {} },
    { name: "/login", url: `${origin}/login`, headers: {} },
    { name: "/api/v1/account", url: `${origin}/api/v1/account`, headers: { Authorization: `Bearer ${key}` } },
    { name: "/api/v1/payments", url: `${origin}/api/v1/payments?limit=20`, headers: { Authorization: `Bearer ${key}` } },
  ];
  const all: number[] = [];
  const warm: number[] = [];
  const seen = new Set<string>();
  let failed = 0;
  let peakRss = 0;
  // Read as it is printed: the kept output is the last 400 KB, which next dev's request lines overrun.
  let warmAt: string | undefined;
  while (!SEEDED.test(server.output())) {
    alive("the demo data was being written");
    if (performance.now() - started > cap) throw new Error(`the demo data was not written within ${cap / 1000} s`);
    for (const route of routes) {
      const r = await timed(route.url, route.headers);
      if (r.status === 0 || r.status >= 500) failed++;
      all.push(r.ms);
      if (seen.has(route.name)) warm.push(r.ms);
      seen.add(route.name);
    }
    peakRss = Math.max(peakRss, groupRssMb(server.child.pid!));
    warmAt ??= server.output().match(/Portal warm[^\n]*/)?.[0];
    await new Promise((res) => setTimeout(res, 100));
  }
  const seeded = performance.now() - started;
  const seededMs = Number(server.output().match(/"ms":(\d+),"msg":"demo payments seeded"/)?.[1] ?? NaN);
  warmAt ??= server.output().match(/Portal warm[^\n]*/)?.[0];

  const line = (label: string, value: string, target: string, met: boolean) =>
    console.log(`  ${label.padEnd(44)} ${value.padStart(10)}   target ${target}  ${met ? "met" : "MISSED"}`);
  console.log("\nFirst start under npm run dev (empty KASSA_DATA_DIR, README defaults)");
  line("npm run dev → first 200 from /api/health", secs(firstOk), "≤ 15 s", firstOk <= 15_000);
  console.log(`  the demo seed was ${seedingAtFirstOk ? "still writing" : "NOT writing"} at that moment`);
  line(`p95 of ${all.length} requests during seeding`, secs(quantile(all, 0.95)), "≤ 2 s", quantile(all, 0.95) <= 2000);
  line(`p95 without each route's first (compiling) one`, secs(quantile(warm, 0.95)), "≤ 2 s", quantile(warm, 0.95) <= 2000);
  console.log(`  p50 ${secs(quantile(warm, 0.5))}, max ${secs(Math.max(...all))}; ${failed} failed (0 or 5xx)`);
  console.log(`  demo payments written in ${secs(seededMs)} (done ${secs(seeded)} after start)`);
  console.log(`  ${warmAt ?? "next dev did not say the portal was warm"}`);
  console.log(`  peak memory of npm run dev while seeding (all its processes): ${peakRss} MB`);
} finally {
  await stopDev(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
