import type { Database } from "@/db/client";
import { logger } from "@/lib/logger";

/** Whether this process should run Kassa's embedded Inngest executor (the offline default). */
export function localExecutorWanted(env: Record<string, string | undefined> = process.env): boolean {
  if (env.KASSA_LOCAL_EXECUTOR === "false" || env.KASSA_LOCAL_EXECUTOR === "0") return false;
  // Inngest Cloud / self-hosted Inngest, or a dev server the developer points at explicitly.
  if (env.INNGEST_SIGNING_KEY || env.INNGEST_BASE_URL || env.INNGEST_DEV) return false;
  return true;
}

export function localExecutorPort(env: Record<string, string | undefined> = process.env): number {
  const port = Number(env.KASSA_EXECUTOR_PORT ?? 8288);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`KASSA_EXECUTOR_PORT must be a port number, got ${env.KASSA_EXECUTOR_PORT}`);
  return port;
}

type Started = { url: string; stop: () => Promise<void> } | null;
const globalForEngine = globalThis as unknown as { kassaLocalEngine?: Promise<Started> };

/**
 * Starts the executor inside this server process (PGlite allows one process per data directory, and
 * one process means one Ctrl-C). It listens where `inngest dev` would; if that port is taken — say a
 * developer runs `npx inngest-cli dev` — Kassa uses whatever listens there instead.
 * Sets INNGEST_DEV so the SDK and the outbox relay send events to it.
 */
export function startLocalEngine(db: Database, appPort: number | string): Promise<Started> {
  globalForEngine.kassaLocalEngine ??= (async () => {
    const port = localExecutorPort();
    const url = `http://127.0.0.1:${port}`;
    process.env.INNGEST_DEV = url;
    const { startExecutor } = await import("@/inngest/local");
    try {
      const executor = await startExecutor({
        db,
        port,
        appUrl: `http://127.0.0.1:${appPort}/api/inngest`,
        log: {
          warn: (...args: unknown[]) => logger.warn(args.map(String).join(" ")),
          error: (...args: unknown[]) => logger.error(args.map(String).join(" ")),
        },
      });
      logger.info({ url: executor.url }, "local workflow executor started");
      return executor;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
      logger.warn({ url }, "port taken: using the Inngest dev server already listening there");
      return null;
    }
  })();
  return globalForEngine.kassaLocalEngine;
}
