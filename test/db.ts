import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createDatabase } from "@/scripts/pg-server";

let counter = 0;

/** A fresh, migrated database on the run's real PostgreSQL server. */
export async function freshPostgres(label = "t"): Promise<DatabaseHandle & { url: string }> {
  const name = `kassa_${label}_${process.pid}_${Date.now().toString(36)}_${counter++}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const url = await createDatabase(inject("pgAdminUrl"), name);
  const handle = await openDatabase(url);
  await migrateDatabase(handle);
  return { ...handle, url };
}

/** A fresh, migrated in-memory PGlite (the embedded default's engine). */
export async function freshPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase("memory://");
  await migrateDatabase(handle);
  return handle;
}
