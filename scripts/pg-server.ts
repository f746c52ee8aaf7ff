/**
 * Starts a throwaway PostgreSQL 15 server for tests: initdb into a temp dir, listen on a free
 * loopback port, run as the `postgres` user when we are root (Postgres refuses to run as root).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PgServer {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

const CANDIDATE_BINS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

export function findPgBin(): string | null {
  if (process.env.PG_BIN && fs.existsSync(path.join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  return CANDIDATE_BINS.find((dir) => fs.existsSync(path.join(dir, "initdb"))) ?? null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return isRoot() ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited early:\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`postgres did not listen on ${port} in time:\n${log()}`);
}

/**
 * Settings for benchmarks, sized like a production server for the bench's data rather than for a test's
 * few rows: the 1,000,000-payment database (payments, the fraud counters, profiles and their indexes) fits
 * in shared buffers, so a lookup never waits on a read the server could have kept. Tests keep the small
 * defaults (many servers start at once there).
 */
export const BENCH_PG_SETTINGS: Record<string, string> = {
  shared_buffers: "2GB",
  effective_cache_size: "6GB",
  work_mem: "16MB",
  maintenance_work_mem: "512MB",
  // Production's autovacuum keeps the visibility map current, so counters read index-only.
  autovacuum_vacuum_insert_scale_factor: "0.05",
};

/**
 * Added to BENCH_PG_SETTINGS for the bench's "durable commits" stage: commits durable (fsync, synchronous_commit)
 * and 2 ms long (commit_delay, which makes every WAL flush wait 2 ms first, as a managed server's WAL sent to
 * replicas in other zones does; commits arriving meanwhile are flushed with it). A row that every payment of a
 * merchant writes stays locked until its commit is durable, so such a row would hold a merchant to one payment
 * per commit time; the fast local settings the other stages run on hide that.
 */
export const DURABLE_COMMIT_SETTINGS: Record<string, string> = {
  fsync: "on",
  synchronous_commit: "on",
  full_page_writes: "on",
  commit_delay: "2000",
  commit_siblings: "0",
};

export async function startPgServer(options: { settings?: Record<string, string> } = {}): Promise<PgServer> {
  const bin = findPgBin();
  if (!bin) {
    throw new Error("PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin). Install postgresql-15 or set PG_BIN.");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-pg-"));
  const dataDir = path.join(dir, "data");
  fs.chmodSync(dir, 0o777);
  if (isRoot()) execFileSync("chown", ["postgres:postgres", dir]);
  const [initCmd, initArgs] = asPostgres(path.join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  execFileSync(initCmd, initArgs, { stdio: "pipe" });
  const port = await freePort();
  const [cmd, args] = asPostgres(path.join(bin, "postgres"), [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-h",
    "127.0.0.1",
    "-k",
    dir,
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "max_connections=300",
    ...Object.entries({ shared_buffers: "128MB", ...options.settings }).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
  ]);
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await waitForPort(port, child, () => output);
  return {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (child.exitCode === null) {
        // Signal postgres itself: a signal to the runuser wrapper is not always passed on.
        const exited = new Promise((r) => child.once("exit", r));
        const [stopCmd, stopArgs] = asPostgres(path.join(bin, "pg_ctl"), ["-D", dataDir, "stop", "-m", "immediate", "-w", "-t", "20"]);
        try {
          execFileSync(stopCmd, stopArgs, { stdio: "pipe", timeout: 30_000 });
        } catch {
          child.kill("SIGKILL");
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh database on a server and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}"`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
