/**
 * `npm run dev` as a newcomer runs it, for the first-start e2e spec and the first-start benchmark:
 * none of the suite's settings, its own port, executor port and empty data folder, in its own process
 * group so that npm, next and next's workers stop together.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export interface DevServer {
  child: ChildProcess;
  output(): string;
  exited: Promise<void>;
}

/** The environment of someone who just cloned Kassa: none of the suite's settings, a fresh data folder. */
export function newcomerEnv(dataDir: string, port: number, executorPort: number): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(KASSA_|DATABASE_|AUTH_|NEXTAUTH_|INNGEST_|STRIPE_|SMTP_|UPSTASH_|E2E_|__NEXT)|^(NODE_ENV|PORT|METRICS_TOKEN|CRON_SECRET)$/.test(k)) continue;
    env[k] = v;
  }
  return {
    ...env,
    PORT: String(port),
    KASSA_DATA_DIR: dataDir,
    // Beside a developer's own `npm run dev` (8288) and the suite's server (8390).
    KASSA_EXECUTOR_PORT: String(executorPort),
    // Its own build folder: a developer's .next/dev left by this run made their next `npm run dev`
    // reload every page in a loop (HMR hash mismatch). Starting cold there is the newcomer's case too.
    KASSA_NEXT_DIST_DIR: ".next-e2e-dev",
    // Nothing else: the README's defaults, 3,000 demo payments written in the background included.
  };
}

export function startDev(env: Record<string, string | undefined>, cwd = root): DevServer {
  const child = spawn("npm", ["run", "dev"], { cwd, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-400_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, output: () => output, exited };
}

export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopDev(server: DevServer): Promise<void> {
  const pid = server.child.pid;
  if (!pid) return;
  for (const [signal, waitMs] of [
    ["SIGTERM", 15_000],
    ["SIGKILL", 5_000],
  ] as const) {
    if (!groupAlive(pid)) return;
    process.kill(-pid, signal);
    const deadline = Date.now() + waitMs;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with the first match of `pattern` in the server's output; fails if the server exits first. */
export async function waitForOutput(server: DevServer, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = server.output().match(pattern);
    if (m) return m;
    if (gone) throw new Error(`npm run dev exited before printing ${pattern}:\n${server.output().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`npm run dev did not print ${pattern} within ${timeoutMs / 1000} s:\n${server.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The log lines of the demo seed: progress towards `of`, and the end. */
export const SEEDING = /"payments":(\d+),"of":(\d+),"msg":"demo payments being written"/g;
export const SEEDED = /"payments":(\d+),"ms":\d+,"msg":"demo payments seeded"/;
