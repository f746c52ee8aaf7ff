// A production build of the app as the benchmarks and Lighthouse run it: `next build` when asked,
// `next start` on a database, in its own process group so stopping it stops next-server too.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

export function sh(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Builds unless `skipIfBuilt` and a build exists. */
export async function buildApp({ skipIfBuilt }: { skipIfBuilt: boolean }): Promise<void> {
  if (skipIfBuilt && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  if ((await sh("npx", ["next", "build"], { NODE_ENV: "production" })) !== 0) throw new Error("next build failed");
}

export interface ProdServer {
  base: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * What `npm start` gives Node (package.json, kept in step by prod-server.test.ts): young-generation semi-spaces of
 * 64 MB instead of V8's 16, so a busy server scavenges a quarter as often (GET by id: 5–12 % more requests per second
 * in the bench's harness).
 */
export const PRODUCTION_NODE_FLAGS = "--max-semi-space-size=64";
const PRODUCTION_NODE_OPTIONS = `${PRODUCTION_NODE_FLAGS} ${process.env.NODE_OPTIONS ?? ""}`.trim();

/**
 * What `npm start` gives `next start` (package.json, kept in step by prod-server.test.ts): an idle kept-alive
 * connection stays open 65 s, not Node's 5 s. A balancer (or a test's HTTP client) that reuses a connection just as the server closes it gets a reset; balancers
 * keep idle connections up to 60 s, so the server must keep them longer.
 */
const KEEP_ALIVE_MS = 65_000;

/** `next start`'s arguments as `npm start` gives them, on 127.0.0.1:`port` (the e2e and crash specs' servers too). */
export function nextStartArgs(port: number): string[] {
  return ["start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", String(KEEP_ALIVE_MS)];
}

/** `next start` on 127.0.0.1:`port`, answering /api/health before this returns. */
export async function startProdServer(opts: { port: number; env: Record<string, string>; stdio?: "inherit" | "ignore" }): Promise<ProdServer> {
  const base = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), ...nextStartArgs(opts.port)], {
    cwd: root,
    detached: true,
    stdio: ["ignore", opts.stdio ?? "inherit", opts.stdio ?? "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", KASSA_URL: base, NODE_OPTIONS: PRODUCTION_NODE_OPTIONS, ...opts.env },
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (exited || i > 240) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    process: child,
    async stop() {
      if (exited || !child.pid) return;
      const gone = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      await gone;
    },
  };
}
