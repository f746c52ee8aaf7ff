// What the run stands on: a production build in its own dist dir, a throwaway PostgreSQL, a Redis behind the
// Upstash-compatible REST server the tests use (shared rate limits), and two `next start` instances of the
// same build on one database — "engine" runs the embedded workflow executor, "api" runs none. As Inngest
// calls an app in production, the executor calls /api/inngest through the balancer, so both instances run
// workflow steps; both share its signing and event keys, and both relay their outbox to it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createDatabase, freePort, startPgServer, type PgServer } from "../pg-server";
import { root, sh, startProdServer, type ProdServer } from "../prod-server";
import { startRedisServer, type RedisServer } from "@/test/redis-server";
import { startUpstashRestServer, type UpstashRestServer } from "@/test/upstash-rest-server";
import { HeapProbe } from "./heap";
import type { Backend } from "./proxy";
import { derivedSeed } from "./schedule";
import { SECRET_KEY as STRIPE_SECRET, WEBHOOK_SECRET as STRIPE_WEBHOOK_SECRET } from "@/test/stripe-double/server";

/** The build the instances run: its own folder, or `.next` in `npm test` (KASSA_CHAOS_DIST_DIR), which has just built it. */
export const DIST_DIR = process.env.KASSA_CHAOS_DIST_DIR ?? ".next-chaos";
const SOURCES = ["app", "lib", "db", "inngest", "components", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/** `next build` into .next-chaos unless it is newer than every source file; under a lock, as another process may build too. */
export async function ensureBuild({ rebuild, reuse }: { rebuild: boolean; reuse: boolean }): Promise<"built" | "reused" | "reused (stale)"> {
  const buildId = path.join(root, DIST_DIR, "BUILD_ID");
  const built = fs.existsSync(buildId);
  const fresh = built && fs.statSync(buildId).mtimeMs > Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built && !rebuild && (fresh || reuse)) return fresh ? "reused" : "reused (stale)";
  const code = await sh("flock", ["/tmp/kassa-build.lock", "npx", "next", "build"], { NODE_ENV: "production", KASSA_NEXT_DIST_DIR: DIST_DIR });
  if (code !== 0) throw new Error("next build failed");
  return "built";
}

export type InstanceName = "engine" | "api";

export interface Instance extends Backend {
  name: InstanceName;
  server?: ProdServer;
  env: Record<string, string>;
  /** RSS samples in MB, with the time they were taken (ms since the run began) and the process's life (0 before the first kill). */
  rss: { at: number; mb: number; life: number }[];
  /** Live JavaScript heap after a full collection, in MB, sampled through the life's inspector (scripts/chaos/heap.ts). */
  heap: { at: number; mb: number; life: number }[];
  probe?: HeapProbe;
  restarts: { killedAt: number; upAfterMs: number }[];
}

export interface Cluster {
  pg: PgServer;
  databaseUrl: string;
  instances: Record<InstanceName, Instance>;
  start(name: InstanceName): Promise<void>;
  /** kill -9 of the instance's process group, out of rotation at once; back in rotation once healthy again. */
  killAndRestart(name: InstanceName, startedAt: number): Promise<void>;
  sampleRss(startedAt: number): void;
  /** A full collection in each instance in rotation, then its live heap (one at a time: both pause briefly). */
  sampleHeap(startedAt: number): Promise<void>;
  stop(): Promise<void>;
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
function rssMb(pid: number): number {
  let pids = [pid];
  try {
    pids = pids.concat(
      execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    /* no children */
  }
  let kb = 0;
  for (const p of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return Math.round(kb / 1024);
}

/**
 * The sandbox's fault seed for one life of one instance (KASSA_SANDBOX_FAULT_SEED), from the run's seed: each
 * instance, and each restart of it, draws its own sequence, so a restarted instance does not replay its faults.
 */
export function faultSeed(seed: number, name: InstanceName, life: number): number {
  return derivedSeed(seed, `sandbox faults ${name} ${life}`);
}

export async function startCluster(opts: {
  seed: number;
  faultRate: number;
  proxyUrl: () => string;
  /** The Stripe double's URL: the instances' Stripe connector, for the payments routing rules send there. */
  stripeApiBase: string;
  verbose: boolean;
}): Promise<Cluster> {
  const pg = await startPgServer();
  let redis: RedisServer | undefined;
  let upstash: UpstashRestServer | undefined;
  try {
    const databaseUrl = await createDatabase(pg.url(), "kassa_chaos");
    redis = await startRedisServer();
    upstash = await startUpstashRestServer({ redisPort: redis.port, token: "chaos-token" });
    // The REST server keeps every command for tests' assertions; a long run needs none of them.
    const commands = upstash.commands;
    const trim = setInterval(() => commands.splice(0), 5000);
    trim.unref();
    const common: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      KASSA_NEXT_DIST_DIR: DIST_DIR,
      AUTH_SECRET: "chaos-secret-not-for-production-0123456789",
      KASSA_ENCRYPTION_KEYS: "chaos:" + Buffer.alloc(32, 9).toString("base64"),
      KASSA_SEED_DEMO: "false",
      KASSA_WEBHOOKS_ALLOW_LOOPBACK: "1",
      // A hung receiver costs 2 s of its endpoint's one-at-a-time delivery queue, not 15.
      KASSA_WEBHOOK_TIMEOUT_MS: "2000",
      KASSA_SANDBOX_FAULT_RATE: String(opts.faultRate),
      KASSA_SANDBOX_UNAVAILABLE_RATE: String(opts.faultRate / 4),
      KASSA_SANDBOX_LATENCY_MS: "5",
      // An open breaker fails payments cleanly (503, nothing created); reopen soon so the run keeps paying.
      KASSA_BREAKER_OPEN_MS: "3000",
      // Stripe (the double) is a connector routing rules may name; test mode's own processor stays the sandbox.
      STRIPE_SECRET_KEY: STRIPE_SECRET,
      STRIPE_PUBLISHABLE_KEY: "pk_test_double",
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_BASE: opts.stripeApiBase,
      KASSA_TEST_MODE_PROCESSOR: "sandbox",
      // Kassa's own recovery answers the double's faults, not the SDK's retries; a held answer (2 s) times out.
      STRIPE_MAX_NETWORK_RETRIES: "0",
      STRIPE_TIMEOUT_MS: "1000",
      UPSTASH_REDIS_REST_URL: upstash.url,
      UPSTASH_REDIS_REST_TOKEN: upstash.token,
      KASSA_RATE_LIMIT_API: RATE_LIMIT,
      LOG_LEVEL: "error",
    };
    const executorPort = await freePort();
    // The executor's keys, shared by every instance the executor calls (through the proxy).
    common.INNGEST_SIGNING_KEY = `signkey-chaos-${randomBytes(32).toString("hex")}`;
    common.INNGEST_EVENT_KEY = `chaos-${randomBytes(16).toString("hex")}`;
    const make = async (name: InstanceName, env: Record<string, string>): Promise<Instance> => ({
      name,
      port: await freePort(),
      inRotation: false,
      served: 0,
      env: { ...common, ...env },
      rss: [],
      heap: [],
      restarts: [],
    });
    const instances: Record<InstanceName, Instance> = {
      // Leases short enough for the recovery window: a killed executor's steps are taken up 15 s later.
      engine: await make("engine", {
        KASSA_LOCAL_EXECUTOR: "true",
        KASSA_EXECUTOR_PORT: String(executorPort),
        KASSA_EXECUTOR_LEASE_MS: "15000",
      }),
      api: await make("api", { KASSA_LOCAL_EXECUTOR: "false", INNGEST_BASE_URL: `http://127.0.0.1:${executorPort}` }),
    };
    /** Starts the instance's `life`th process (0 first, then one more per kill). */
    const start = async (name: InstanceName, life = 0) => {
      const instance = instances[name];
      // Each life's inspector on a port of its own, loopback only: the heap probe's way in.
      const inspectPort = await freePort();
      instance.probe?.close();
      instance.probe = new HeapProbe(inspectPort);
      instance.server = await startProdServer({
        port: instance.port,
        env: {
          ...instance.env,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --inspect=127.0.0.1:${inspectPort}`.trim(),
          KASSA_URL: opts.proxyUrl(),
          // The executor calls, and the SDK registers, the balancer's address (the proxy starts after the cluster is made).
          ...(name === "engine" ? { KASSA_EXECUTOR_APP_URL: opts.proxyUrl() } : { INNGEST_SERVE_ORIGIN: opts.proxyUrl() }),
          KASSA_SANDBOX_FAULT_SEED: String(faultSeed(opts.seed, name, life)),
        },
        stdio: opts.verbose ? "inherit" : "ignore",
      });
      instance.inRotation = true;
    };
    return {
      pg,
      databaseUrl,
      instances,
      start: (name) => start(name),
      async killAndRestart(name, startedAt) {
        const instance = instances[name];
        const pid = instance.server?.process.pid;
        instance.inRotation = false;
        const killedAt = Date.now();
        if (pid) {
          const gone = new Promise((r) => instance.server!.process.once("exit", r));
          process.kill(-pid, "SIGKILL");
          await gone;
        }
        await start(name, instance.restarts.length + 1);
        instance.restarts.push({ killedAt: killedAt - startedAt, upAfterMs: Date.now() - killedAt });
      },
      async sampleHeap(startedAt) {
        for (const instance of Object.values(instances)) {
          const { probe } = instance;
          if (!probe || !instance.inRotation) continue;
          const life = instance.restarts.length;
          const mb = await probe.liveMb();
          if (mb !== undefined && instance.probe === probe && instance.inRotation) instance.heap.push({ at: Date.now() - startedAt, mb, life });
        }
      },
      sampleRss(startedAt) {
        for (const instance of Object.values(instances)) {
          const pid = instance.server?.process.pid;
          if (pid && instance.inRotation) instance.rss.push({ at: Date.now() - startedAt, mb: rssMb(pid), life: instance.restarts.length });
        }
      },
      async stop() {
        clearInterval(trim);
        for (const instance of Object.values(instances)) {
          instance.inRotation = false;
          instance.probe?.close();
          await instance.server?.stop();
        }
        await upstash?.close();
        await redis?.stop();
        await pg.stop();
      },
    };
  } catch (error) {
    await upstash?.close();
    await redis?.stop();
    await pg.stop();
    throw error;
  }
}

/** Per secret key, shared by both instances through Redis; the load spreads over several keys to stay under it. */
export const RATE_LIMIT = "200/10s";
export const RATE_LIMIT_MAX = 200;
