import type { AddressInfo } from "node:net";
import type { Jitter } from "./backoff";
import { systemClock, type Clock } from "./clock";
import type { ExecutorDatabase } from "./db";
import { Engine } from "./engine";
import { createExecutorServer } from "./http";
import { ingest, type IncomingEvent } from "./ingest";
import { migrateExecutor } from "./migrate";
import type { Logger } from "./run-control";
import type { InngestRunRow } from "./schema";
import { Storage } from "./storage";
import { hashSigningKey, signBody } from "../signature";

export { FakeClock, systemClock, type Clock } from "./clock";
export type { IncomingEvent } from "./ingest";

export interface ExecutorOptions {
  /** Any Drizzle Postgres database (snake_case casing); the executor migrates its own schema in it at start. */
  db: ExecutorDatabase;
  /** The app's serve() URL; when given, the executor syncs it (PUT) at start, retrying each second. */
  appUrl?: string;
  /** Sync attempts at start before giving up (default 60). */
  syncRetries?: number;
  port?: number;
  host?: string;
  clock?: Clock;
  jitter?: Jitter;
  /**
   * Signs every call to the app and its sync (PUT); with `eventKey`, the executor also refuses events
   * and registrations that do not carry the app's keys.
   */
  signingKey?: string;
  eventKey?: string;
  pollMs?: number;
  /**
   * How long a claimed item stays this executor's (default 5 minutes): a crashed executor's runs resume
   * when it ends. Shorter only for crash tests, and never shorter than the slowest step.
   */
  leaseMs?: number;
  /** Steps allowed per run; default 1000 like Inngest. */
  maxSteps?: number;
  /** Queue items (step calls, sleeps, crons) worked on at once; default 32 (DEFAULT_WORKERS). */
  workers?: number;
  log?: Logger;
}

export interface Executor {
  url: string;
  port: number;
  storage: Storage;
  stop(): Promise<void>;
  sendEvent(events: IncomingEvent | IncomingEvent[]): Promise<string[]>;
  /** PUTs the app's serve() URL, which makes the SDK post its functions to /fn/register. */
  syncApp(appUrl?: string): Promise<void>;
  /** Resolves when nothing is running and nothing is due at the clock's current time. */
  idle(): Promise<void>;
  /** Polls until the run has ended (or the deadline passes). */
  waitForRun(runId: string, opts?: { timeoutMs?: number }): Promise<InngestRunRow>;
  nextDueAt(): Promise<Date | undefined>;
  runs(functionId?: string): Promise<InngestRunRow[]>;
}

export async function startExecutor(opts: ExecutorOptions): Promise<Executor> {
  const clock = opts.clock ?? systemClock;
  // Its own tables, its own migrations, before anything reads them (the app's schema never has them).
  await migrateExecutor(opts.db);
  const storage = new Storage(opts.db, clock, opts.leaseMs);
  const engine = new Engine(storage, {
    clock,
    jitter: opts.jitter,
    signingKey: opts.signingKey,
    pollMs: opts.pollMs,
    maxSteps: opts.maxSteps,
    workers: opts.workers,
    log: opts.log,
  });
  engine.emit = async (events) => {
    await ingest(engine, events);
  };
  // With an appUrl, events wait for this process's first sync of the app: an event ingested before the
  // functions are known starts no run (on a fresh database nothing is registered yet; after an upgrade a
  // new function is not). They are held, not refused, and released when the sync succeeds or is given up.
  let settleSync: (open: boolean) => void = () => {};
  const firstSync = opts.appUrl ? new Promise<boolean>((resolve) => (settleSync = resolve)) : Promise.resolve(true);
  const synced = () => settleSync(true);
  const ingestSynced = async (events: IncomingEvent[]) => {
    if (!(await firstSync)) throw new Error("inngest/local: the executor stopped before its first sync");
    return ingest(engine, events);
  };
  const server = createExecutorServer({
    sendEvents: ingestSynced,
    register: (appId, fns) => storage.registerApp(appId, fns),
    ...(opts.signingKey && opts.eventKey ? { auth: { eventKey: opts.eventKey, registerBearer: hashSigningKey(opts.signingKey) } } : {}),
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 8288, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  engine.start();

  const syncApp = async (appUrl = opts.appUrl) => {
    if (!appUrl) throw new Error("syncApp needs the app's serve() URL");
    const res = await fetch(appUrl, { method: "PUT", headers: opts.signingKey ? { "x-inngest-signature": signBody("", opts.signingKey) } : {} });
    if (!res.ok) throw new Error(`syncing ${appUrl} failed: ${res.status} ${await res.text()}`);
  };
  // The app may not be listening yet (the executor often starts first): retry the sync in wall time.
  let syncTimer: NodeJS.Timeout | undefined;
  if (opts.appUrl) {
    let tries = 0;
    const attempt = () =>
      syncApp().then(synced, (err) => {
        if (++tries >= (opts.syncRetries ?? 60)) {
          synced();
          return (opts.log ?? console).warn(`inngest/local: giving up: ${(err as Error).message}`);
        }
        syncTimer = setTimeout(attempt, 1_000);
        syncTimer.unref?.();
      });
    void attempt();
  }

  return {
    url: `http://${host}:${port}`,
    port,
    storage,
    async stop() {
      clearTimeout(syncTimer);
      settleSync(false);
      await engine.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    sendEvent: (events) => ingestSynced(Array.isArray(events) ? events : [events]),
    syncApp,
    idle: () => engine.idle(),
    async waitForRun(runId, { timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await storage.getRun(runId);
        if (run && run.status !== "running") return run;
        if (Date.now() > deadline) throw new Error(`run ${runId} still ${run?.status ?? "missing"} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    nextDueAt: () => storage.nextDueAt(),
    runs: (functionId) => storage.listRuns(functionId),
  };
}
