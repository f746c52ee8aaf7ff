import path from "node:path";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "./schema";
import { dataRoot } from "./data-dir";
import { BARRIER_PREFIX, listenerName } from "./listener-name";

/** One Drizzle type for all three drivers: they share the pg-core query builder. */
export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DriverName = "pglite" | "pg" | "neon";

export interface DatabaseHandle {
  db: Database;
  driver: DriverName;
  /** The driver's pool, for the few callers that need one connection (migration lock). */
  pool?: { connect(): Promise<{ query(sql: string): Promise<unknown>; release(): void }> };
  /**
   * LISTEN on a channel (notifications arrive after their transaction commits), on a connection of its
   * own; `lost` is called once if that connection dies (notifications may have been missed since).
   * Absent where the driver cannot listen (Neon's serverless driver).
   */
  listen?: Listen;
  close(): Promise<void>;
}

export type Listen = (channel: string, on: { notify(payload: string): void; lost(error: unknown): void }) => Promise<() => Promise<void>>;

export function pickDriver(url: string | undefined, explicit = process.env.DATABASE_DRIVER): DriverName {
  if (explicit === "neon" || explicit === "pg" || explicit === "pglite") return explicit;
  if (!url) return "pglite";
  if (url.startsWith("pglite:") || url.startsWith("file:") || url.startsWith("memory://")) return "pglite";
  const host = safeHost(url);
  if (host && (host.endsWith(".neon.tech") || host.endsWith(".neon.build"))) return "neon";
  return "pg";
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

export function dataDir(url = process.env.DATABASE_URL): string {
  if (url?.startsWith("pglite:")) return url.slice("pglite:".length);
  if (url?.startsWith("file:")) return url.slice("file:".length);
  return path.join(dataRoot(), "pglite");
}

/** Opens a database with the driver its URL asks for. Callers own the handle. */
export async function openDatabase(url = process.env.DATABASE_URL): Promise<DatabaseHandle> {
  const driver = pickDriver(url);
  if (driver === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const dir = url?.startsWith("memory://") ? undefined : dataDir(url);
    if (dir) (await import("node:fs")).mkdirSync(dir, { recursive: true });
    const client = new PGlite(dir);
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
    // One in-process database: its notifications never travel over a connection that could drop.
    const listen: Listen = async (channel, on) => client.listen(channel, on.notify);
    return { db, driver, listen, close: () => client.close() };
  }
  if (driver === "neon") {
    const { Pool, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    if (typeof WebSocket === "undefined" || process.env.NEON_USE_WS_PACKAGE) {
      neonConfig.webSocketConstructor = (await import("ws")).default;
    }
    // Test/dev hook: NEON_WS_PROXY="host:port" routes the driver through a plain-ws WebSocket
    // proxy (e.g. test/neon-ws-proxy.ts) in front of an ordinary Postgres. When unset, nothing
    // here runs and the driver keeps its defaults (wss:// to the Neon host itself).
    const wsProxy = process.env.NEON_WS_PROXY;
    if (wsProxy) {
      neonConfig.webSocketConstructor = (await import("ws")).default;
      neonConfig.wsProxy = (host, port) => `${wsProxy}/v2?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = false;
      neonConfig.pipelineConnect = false;
    }
    const pool = new Pool({ connectionString: url });
    const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Database;
    return { db, driver, pool: pool as never, close: () => pool.end() };
  }
  const { Client, Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  const db = drizzle({ client: pool, schema, casing: "snake_case" });
  const listen: Listen = async (channel, on) => {
    const client = new Client({ connectionString: url, keepAlive: true });
    let closing = false;
    let lost = false;
    const drop = (error: unknown) => {
      if (closing || lost) return;
      lost = true;
      on.lost(error);
      client.end().catch(() => undefined);
    };
    // Barriers (lib/cache/barrier.ts): handled in order after the notifications committed before them, and
    // acknowledged in this connection's application_name, where the waiting instance reads it.
    let handled = 0n;
    const acknowledge = async (token: bigint) => {
      if (token <= handled) return;
      handled = token;
      await client.query("select set_config('application_name', $1, false)", [listenerName(channel, token)]);
    };
    client.on("notification", (n) => {
      if (n.channel !== channel) return;
      const payload = n.payload ?? "";
      if (!payload.startsWith(BARRIER_PREFIX)) return on.notify(payload);
      const token = payload.slice(BARRIER_PREFIX.length);
      if (/^\d+$/.test(token)) acknowledge(BigInt(token)).catch(drop);
    });
    client.on("error", drop);
    client.on("end", () => drop(new Error("listener connection ended")));
    await client.connect();
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    // Listening from now on: named as having handled every barrier before this moment (it holds nothing older).
    const { rows } = await client.query<{ token: string }>("select pg_current_xact_id()::text as token");
    await acknowledge(BigInt(rows[0]!.token));
    return async () => {
      closing = true;
      await client.end().catch(() => undefined);
    };
  };
  return { db, driver, pool, listen, close: () => pool.end() };
}

// One handle per process. Kept on globalThis because Next bundles route handlers and
// instrumentation separately, and two PGlite instances on one directory would corrupt it.
const GLOBAL_KEY = Symbol.for("kassa.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithDb;
  if (!g[GLOBAL_KEY]) {
    g[GLOBAL_KEY] = (async () => {
      const handle = await openDatabase();
      const { migrateDatabase } = await import("./migrate");
      await migrateDatabase(handle);
      return handle;
    })();
    g[GLOBAL_KEY].catch(() => {
      delete g[GLOBAL_KEY];
    });
  }
  return g[GLOBAL_KEY];
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
