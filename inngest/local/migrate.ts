import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { ExecutorDatabase } from "./db";

export const EXECUTOR_MIGRATIONS_FOLDER = path.join(process.cwd(), "inngest", "local", "migrations");
/** Its own table, beside the app's `drizzle.__drizzle_migrations`: the two sets never see each other. */
export const EXECUTOR_MIGRATIONS_TABLE = "__inngest_local_migrations";
const MIGRATIONS_SCHEMA = "drizzle";
const EXECUTOR_MIGRATION_LOCK = 7_270_736_902;

/**
 * Applies the executor's drizzle-kit migrations (inngest/local/migrations) on any Drizzle driver, in
 * one transaction that holds an advisory lock, so two starting executors never migrate at once.
 * Bookkeeping is drizzle's own (`hash`, `created_at` = the journal's `when`), in its own table.
 *
 * Refuses while the app's old `public.inngest_*` tables are still there: those hold runs from before
 * the executor had its own schema, and only the app's migrations (db/migrations 0016) hand them over.
 * Migrating first would leave them behind; the app's start (db/client.ts) always migrates first.
 */
export async function migrateExecutor(db: ExecutorDatabase, migrationsFolder = EXECUTOR_MIGRATIONS_FOLDER): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const table = sql`${sql.identifier(MIGRATIONS_SCHEMA)}.${sql.identifier(EXECUTOR_MIGRATIONS_TABLE)}`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(EXECUTOR_MIGRATION_LOCK))})`);
    const old = await tx.execute(sql`select to_regclass('public.inngest_runs')::text as found`);
    if (rowsOf<{ found: string | null }>(old)[0]?.found) {
      throw new Error(
        "inngest/local: the app's migrations have not handed over the executor's old tables (public.inngest_*) yet; " +
          "apply the app's migrations (db/migrate.ts) before starting the executor, or its runs would be left behind",
      );
    }
    await tx.execute(sql`create schema if not exists ${sql.identifier(MIGRATIONS_SCHEMA)}`);
    await tx.execute(sql`create table if not exists ${table} (id serial primary key, hash text not null, created_at bigint)`);
    const last = rowsOf<{ created_at: string | number }>(await tx.execute(sql`select created_at from ${table} order by created_at desc limit 1`))[0];
    for (const m of migrations) {
      if (last && Number(last.created_at) >= m.folderMillis) continue;
      for (const statement of m.sql) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into ${table} (hash, created_at) values (${m.hash}, ${m.folderMillis})`);
    }
  });
}

/** The drivers' `execute` results differ in shape; every one has `rows`, some are the array itself. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
