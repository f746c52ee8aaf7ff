import type { DatabaseHandle } from "@/db/client";
import { ConnectorHealth, type ConnectorHealthOptions } from "@/lib/connector-health/connector-health";

/** A clock tests move by hand: no test sleeps through an open period. */
export function manualClock(start = Date.UTC(2026, 0, 1, 12, 0, 30)) {
  const clock = { t: start, now: () => clock.t, advance: (ms: number) => void (clock.t += ms) };
  return clock;
}

/**
 * Counts what a handle sends to its database: every call of its driver client's query methods (the
 * pool's `query` and `connect`, PGlite's `query`, `exec` and `transaction`). A LISTEN connection is
 * separate and not counted.
 */
export function countStatements(handle: Pick<DatabaseHandle, "db">) {
  const client = (handle.db as unknown as { $client: Record<string, unknown> }).$client;
  let n = 0;
  // pg's Pool.query calls its own connect: a call made inside another (synchronously) is the same statement.
  let inside = false;
  const restore: (() => void)[] = [];
  for (const name of ["query", "exec", "connect", "transaction"]) {
    const original = client[name];
    if (typeof original !== "function") continue;
    const own = Object.prototype.hasOwnProperty.call(client, name);
    client[name] = function (this: unknown, ...args: unknown[]) {
      if (!inside) n++;
      const outer = !inside;
      inside = true;
      try {
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } finally {
        if (outer) inside = false;
      }
    };
    restore.push(() => (own ? (client[name] = original) : delete client[name]));
  }
  return {
    count: () => n,
    reset: () => void (n = 0),
    restore: () => restore.forEach((r) => r()),
  };
}

let seq = 0;
/** A connector name no other test uses, so tests share a database without sharing a breaker. */
export const freshConnector = (label = "conn") => `${label}_${process.pid}_${seq++}`;

/** A started ConnectorHealth whose flush timer never fires on its own (tests flush by hand). */
export async function startedHealth(handle: Pick<DatabaseHandle, "db" | "listen">, options: ConnectorHealthOptions = {}): Promise<ConnectorHealth> {
  const health = new ConnectorHealth(handle, { flushMs: 3_600_000, instanceId: `inst_test_${seq++}`, env: {}, ...options });
  await health.start();
  return health;
}
