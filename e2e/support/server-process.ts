// A second `next start` of the same build on the same database, for tests that kill a server process.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { nextStartArgs } from "../../scripts/prod-server";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the signal that ended the process (SIGKILL when a failpoint fired), or its exit code. */
  exited: Promise<NodeJS.Signals | number | null>;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Starts the production build on `port`, beside the suite's main server. No workflow executor (the
 * main server's runs the workflows); `failpoints` arms KASSA_FAILPOINTS, so the process SIGKILLs itself
 * there (lib/failpoints.ts). Resolves once it answers.
 */
export async function startServerProcess(port: number, opts: { failpoints?: string[]; env?: Record<string, string | undefined> } = {}): Promise<ServerProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
    KASSA_LOCAL_EXECUTOR: "false",
    KASSA_SEED_DEMO: "false",
    KASSA_RATE_LIMIT_API: "1000/10s",
    KASSA_ENCRYPTION_KEYS: "e2e:" + Buffer.alloc(32, 7).toString("base64"),
    KASSA_FAILPOINTS: (opts.failpoints ?? []).join(","),
    KASSA_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "error",
    NEXT_TELEMETRY_DISABLED: "1",
    ...opts.env,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const child = spawn(path.join(root, "node_modules/.bin/next"), nextStartArgs(port), {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${url}/api/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server on ${port} exited while starting: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server on ${port} did not start within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
