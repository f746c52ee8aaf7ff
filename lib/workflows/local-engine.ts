import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { logger } from "@/lib/logger";

/** Whether this process should run Kassa's embedded Inngest executor (the offline default). */
export function localExecutorWanted(env: Record<string, string | undefined> = process.env): boolean {
  if (env.KASSA_LOCAL_EXECUTOR === "false" || env.KASSA_LOCAL_EXECUTOR === "0") return false;
  // Asked for by name: this process runs the executor for app instances that share its keys (the
  // signing and event keys are configured then, so that alone does not mean Inngest runs elsewhere).
  if (env.KASSA_LOCAL_EXECUTOR === "true" || env.KASSA_LOCAL_EXECUTOR === "1") return true;
  // Inngest Cloud / self-hosted Inngest, or a dev server the developer points at explicitly.
  if (env.INNGEST_SIGNING_KEY || env.INNGEST_BASE_URL || env.INNGEST_DEV) return false;
  return true;
}

/**
 * KASSA_EXECUTOR_LEASE_MS (crash tests): how soon a killed process's workflow steps are taken up again; default 5
 * minutes. A live executor renews the leases of the steps it is running, so a step may outlast it.
 */
export function localExecutorLeaseMs(env: Record<string, string | undefined> = process.env): number | undefined {
  if (!env.KASSA_EXECUTOR_LEASE_MS) return undefined;
  const ms = Number(env.KASSA_EXECUTOR_LEASE_MS);
  if (!Number.isInteger(ms) || ms < 1000)
    throw new Error(`KASSA_EXECUTOR_LEASE_MS must be a whole number of milliseconds ≥ 1000, got ${env.KASSA_EXECUTOR_LEASE_MS}`);
  return ms;
}

/**
 * KASSA_EXECUTOR_APP_URL: the origin the executor calls the app's /api/inngest at, and the one the SDK
 * registers — a balancer in front of several app instances, as Inngest calls an app in production; by
 * default this process. Every instance behind it needs the executor's INNGEST_SIGNING_KEY and
 * INNGEST_EVENT_KEY, and INNGEST_BASE_URL pointing at the executor.
 */
export function localExecutorAppOrigin(appPort: number | string, env: Record<string, string | undefined> = process.env): string {
  const configured = env.KASSA_EXECUTOR_APP_URL;
  if (!configured) return `http://127.0.0.1:${appPort}`;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`KASSA_EXECUTOR_APP_URL must be an http(s) URL, got ${configured}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`KASSA_EXECUTOR_APP_URL must be an http(s) URL, got ${configured}`);
  return url.origin;
}

export function localExecutorPort(env: Record<string, string | undefined> = process.env): number {
  const port = Number(env.KASSA_EXECUTOR_PORT ?? 8288);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`KASSA_EXECUTOR_PORT must be a port number, got ${env.KASSA_EXECUTOR_PORT}`);
  return port;
}

type Started = { url: string; stop: () => Promise<void> } | null;
const globalForEngine = globalThis as unknown as { kassaLocalEngine?: Promise<Started>; kassaLocalEngineUrl?: string };

/**
 * The embedded executor's address once it runs in this process (null before, or when a dev server
 * took its port). Its keys are in the environment then, so that alone does not tell it from Inngest.
 */
export function embeddedExecutorUrl(): string | null {
  return globalForEngine.kassaLocalEngineUrl ?? null;
}

/** KASSA_EXECUTOR_WORKERS: how many queue items (step calls to the app) the embedded executor works on at once. */
export function localExecutorWorkers(env: Record<string, string | undefined> = process.env): number | undefined {
  if (!env.KASSA_EXECUTOR_WORKERS) return undefined;
  const n = Number(env.KASSA_EXECUTOR_WORKERS);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`KASSA_EXECUTOR_WORKERS must be a whole number from 1 to 1000, got ${env.KASSA_EXECUTOR_WORKERS}`);
  return n;
}

/**
 * Starts the executor inside this server process (PGlite allows one process per data directory, and
 * one process means one Ctrl-C). It listens where `inngest dev` would. The SDK runs in cloud mode
 * against it, as against Inngest Cloud: a signing key and an event key made for this process (unless
 * configured), every call to /api/inngest signed and verified, the serve origin fixed here rather than
 * taken from a request's Host. If the port is taken — say a developer runs `npx inngest-cli dev` —
 * Kassa uses whatever listens there instead, in dev mode, outside production only.
 */
export function startLocalEngine(db: Database, appPort: number | string): Promise<Started> {
  globalForEngine.kassaLocalEngine ??= (async () => {
    const port = localExecutorPort();
    const url = `http://127.0.0.1:${port}`;
    const appOrigin = localExecutorAppOrigin(appPort);
    // Read by the SDK on every request (serve()) and send (the outbox relay): set before either runs.
    process.env.INNGEST_BASE_URL = url;
    process.env.INNGEST_SIGNING_KEY ??= `signkey-local-${randomBytes(32).toString("hex")}`;
    process.env.INNGEST_EVENT_KEY ??= `local-${randomBytes(16).toString("hex")}`;
    process.env.INNGEST_SERVE_ORIGIN = appOrigin;
    const { startExecutor } = await import("@/inngest/local");
    try {
      const executor = await startExecutor({
        db,
        port,
        signingKey: process.env.INNGEST_SIGNING_KEY,
        eventKey: process.env.INNGEST_EVENT_KEY,
        appUrl: `${appOrigin}/api/inngest`,
        ...(localExecutorLeaseMs() ? { leaseMs: localExecutorLeaseMs() } : {}),
        ...(localExecutorWorkers() ? { workers: localExecutorWorkers() } : {}),
        log: {
          warn: (...args: unknown[]) => logger.warn(args.map(String).join(" ")),
          error: (...args: unknown[]) => logger.error(args.map(String).join(" ")),
        },
      });
      logger.info({ url: executor.url }, "local workflow executor started");
      globalForEngine.kassaLocalEngineUrl = executor.url;
      return executor;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
      // Something else listens there: a developer's `inngest dev`, which does not sign. Never in production.
      if (process.env.NODE_ENV === "production") throw new Error(`port ${port} is taken; set KASSA_EXECUTOR_PORT to a free port`);
      logger.warn({ url }, "port taken: using the Inngest dev server already listening there (dev mode, unsigned)");
      process.env.INNGEST_DEV = url;
      return null;
    }
  })();
  return globalForEngine.kassaLocalEngine;
}
