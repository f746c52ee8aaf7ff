import path from "node:path";
import type { DatabaseHandle } from "./client";
import * as schema from "./schema";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK = 7_270_736_901;

/**
 * Applies the drizzle-kit migrations with the migrator that matches the driver. On a server,
 * an advisory lock on one connection keeps two starting instances from migrating at once.
 */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder };
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, config);
    return;
  }
  if (!handle.pool) throw new Error("a server database handle needs its pool to migrate");
  const client = await handle.pool.connect();
  try {
    await client.query(`select pg_advisory_lock(${MIGRATION_LOCK})`);
    if (handle.driver === "neon") {
      const { drizzle } = await import("drizzle-orm/neon-serverless");
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      await migrate(drizzle({ client: client as never, schema, casing: "snake_case" }), config);
    } else {
      const { drizzle } = await import("drizzle-orm/node-postgres");
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      await migrate(drizzle({ client: client as never, schema, casing: "snake_case" }), config);
    }
  } finally {
    await client.query(`select pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
    client.release();
  }
}
