// Test-only: the real SDK serve() handler over real HTTP, wired to a local executor.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import type { Database } from "@/db/client";
import { FakeClock, startExecutor, type Executor } from "./index";

export interface TestRig {
  executor: Executor;
  clock: FakeClock;
  client: Inngest.Any;
  appUrl: string;
  /** Every call the executor made to the app, in order. */
  calls: AppCall[];
  /** Drives the fake clock from due timer to due timer until nothing is queued. */
  settle(opts?: { maxAdvances?: number }): Promise<void>;
  close(): Promise<void>;
}

export function testClient(baseUrl: string): Inngest.Any {
  return new Inngest({ id: "kassa-test", isDev: true, baseUrl, checkpointing: false, logger: quietLogger });
}

const noop = () => {};
const quietLogger = { info: noop, warn: noop, error: noop, debug: noop };

export interface AppCall {
  fnId: string | null;
  stepId: string | null;
}

export async function startApp(
  client: Inngest.Any,
  functions: InngestFunction.Any[],
  calls: AppCall[] = [],
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const handler = serve({ client, functions });
  const server = createServer((req, res) => {
    if (req.method === "POST") {
      const q = new URL(req.url ?? "/", "http://x").searchParams;
      calls.push({ fnId: q.get("fnId"), stepId: q.get("stepId") });
    }
    return handler(req, res);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  const listening = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${listening}/api/inngest`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/**
 * Starts an executor on `db` with a fake clock and zero jitter, the app with the functions
 * `define(client)` returns, and syncs the app (PUT → /fn/register).
 */
export async function startRig(
  db: Database,
  define: (client: Inngest.Any) => InngestFunction.Any[],
  clock = new FakeClock(),
  opts: { maxSteps?: number; workers?: number; leaseMs?: number } = {},
): Promise<TestRig> {
  const executor = await startExecutor({ db, port: 0, clock, jitter: () => 0, pollMs: 20, log: quietLogger, ...opts });
  const client = testClient(executor.url);
  const calls: AppCall[] = [];
  const app = await startApp(client, define(client), calls);
  await executor.syncApp(app.url);
  return {
    executor,
    clock,
    client,
    appUrl: app.url,
    calls,
    async settle({ maxAdvances = 200 } = {}) {
      for (let i = 0; i < maxAdvances; i++) {
        await executor.idle();
        const next = await executor.nextDueAt();
        if (!next) return;
        await clock.advanceTo(next);
      }
      throw new Error(`still work queued after ${maxAdvances} clock advances`);
    },
    async close() {
      await executor.stop();
      await app.close();
    },
  };
}
