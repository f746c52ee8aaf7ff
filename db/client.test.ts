import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test, vi } from "vitest";
import { openDatabase, pickDriver, type DatabaseHandle, type Executor } from "@/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import { merchants } from "@/db/schema";
import { createDatabase } from "@/scripts/pg-server";
import { freshPglite, freshPostgres } from "@/test/db";
import { startNeonWsProxy, type NeonWsProxy } from "@/test/neon-ws-proxy";

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

let dbCounter = 0;
/** An empty (unmigrated) database on the run's real PostgreSQL server. */
function emptyPostgres(label: string): Promise<string> {
  const name = `kassa_client_${label}_${process.pid}_${Date.now().toString(36)}_${dbCounter++}`;
  return createDatabase(inject("pgAdminUrl"), name);
}

type ColumnRow = { table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null };

async function publicColumns(db: Executor): Promise<ColumnRow[]> {
  const result = await db.execute(sql`
    select c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.column_name`);
  return result.rows.map((r) => ({ ...(r as ColumnRow) }));
}

async function publicTables(db: Executor): Promise<string[]> {
  const result = await db.execute(sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  return result.rows.map((r) => String(r.table_name));
}

async function appliedMigrations(db: Executor): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(result.rows[0]?.n);
}

/** Reads through a plain pg connection, independent of the driver under test. */
async function merchantIdsViaPg(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("select id from merchants order by id");
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

describe("pickDriver", () => {
  beforeEach(() => {
    vi.stubEnv("DATABASE_DRIVER", undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test("no URL → pglite", () => {
    expect(pickDriver(undefined)).toBe("pglite");
    expect(pickDriver("")).toBe("pglite");
  });

  test("pglite:, file: and memory:// → pglite", () => {
    expect(pickDriver("pglite:/var/lib/kassa")).toBe("pglite");
    expect(pickDriver("pglite:./.data/pglite")).toBe("pglite");
    expect(pickDriver("file:/tmp/kassa")).toBe("pglite");
    expect(pickDriver("memory://")).toBe("pglite");
  });

  test("postgres:// on an ordinary host → pg", () => {
    expect(pickDriver("postgres://user:pw@127.0.0.1:5432/kassa")).toBe("pg");
    expect(pickDriver("postgresql://user@db.internal/kassa?sslmode=require")).toBe("pg");
    // Only the host decides: "neon.tech" elsewhere in the URL does not count.
    expect(pickDriver("postgres://neon.tech:pw@db.example.com/neon.tech")).toBe("pg");
  });

  test("Neon hosts → neon", () => {
    expect(pickDriver("postgres://u:p@ep-cool-name-123456.us-east-2.aws.neon.tech/neondb?sslmode=require")).toBe("neon");
    expect(pickDriver("postgresql://u:p@ep-x-pooler.eu-central-1.aws.neon.tech/db")).toBe("neon");
    expect(pickDriver("postgres://u:p@ep-x.local.neon.build/db")).toBe("neon");
  });

  test("DATABASE_DRIVER overrides the URL", () => {
    vi.stubEnv("DATABASE_DRIVER", "neon");
    expect(pickDriver("postgres://u@127.0.0.1:5432/kassa")).toBe("neon");
    expect(pickDriver(undefined)).toBe("neon");
    vi.stubEnv("DATABASE_DRIVER", "pg");
    expect(pickDriver("postgres://u:p@ep-x.us-east-2.aws.neon.tech/db")).toBe("pg");
    // The explicit argument wins over the environment, and unknown values are ignored.
    expect(pickDriver("postgres://u@127.0.0.1/kassa", "pglite")).toBe("pglite");
    expect(pickDriver("postgres://u@127.0.0.1/kassa", "mysql")).toBe("pg");
  });
});

describe("migrations on PGlite and on real PostgreSQL", () => {
  let lite: DatabaseHandle;
  let server: DatabaseHandle & { url: string };

  beforeAll(async () => {
    [lite, server] = await Promise.all([freshPglite(), freshPostgres("client")]);
  });
  afterAll(async () => {
    await Promise.all([lite?.close(), server?.close()]);
  });

  test("each driver is the one asked for", () => {
    expect(lite.driver).toBe("pglite");
    expect(server.driver).toBe("pg");
  });

  test("every journal entry is recorded as applied", async () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    expect(await appliedMigrations(lite.db)).toBe(journal.entries.length);
    expect(await appliedMigrations(server.db)).toBe(journal.entries.length);
  });

  test("both end with the same tables and columns", async () => {
    const [liteTables, serverTables] = await Promise.all([publicTables(lite.db), publicTables(server.db)]);
    expect(liteTables).toContain("merchants");
    expect(liteTables).toContain("users");
    expect(serverTables).toEqual(liteTables);

    const [liteColumns, serverColumns] = await Promise.all([publicColumns(lite.db), publicColumns(server.db)]);
    expect(serverColumns).toEqual(liteColumns);
    expect(liteColumns.filter((c) => c.table_name === "merchants").map((c) => c.column_name)).toEqual([
      "business_name",
      "country",
      "created_at",
      "default_currency",
      "id",
      "statement_descriptor",
      "support_email",
      "updated_at",
    ]);
  });

  test("migrating again is a no-op", async () => {
    for (const handle of [lite, server]) {
      await handle.db.insert(merchants).values({ id: `m_again_${handle.driver}`, businessName: "Survivor" });
      const before = await publicColumns(handle.db);
      await migrateDatabase(handle);
      expect(await appliedMigrations(handle.db)).toBe(journal.entries.length);
      expect(await publicColumns(handle.db)).toEqual(before);
      const rows = await handle.db.select({ id: merchants.id }).from(merchants);
      expect(rows.map((r) => r.id)).toContain(`m_again_${handle.driver}`);
    }
  });
});

describe("advisory lock", () => {
  test("two concurrent migrateDatabase calls on one fresh database both succeed", async () => {
    const url = await emptyPostgres("lock");
    // Two handles with their own pools, like two app instances starting at once.
    const [a, b] = await Promise.all([openDatabase(url), openDatabase(url)]);
    try {
      expect(a.driver).toBe("pg");
      await expect(Promise.all([migrateDatabase(a), migrateDatabase(b)])).resolves.toBeDefined();
      expect(await appliedMigrations(a.db)).toBe(journal.entries.length);
      expect(await publicTables(b.db)).toContain("merchants");
      // The lock was released by both: a third migration neither blocks nor fails.
      await migrateDatabase(a);
      const held = await a.db.execute(sql`
        select count(*)::int as n from pg_locks
        where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`);
      expect(Number(held.rows[0]?.n)).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("Neon serverless driver through a local WebSocket proxy", () => {
  let proxy: NeonWsProxy;
  let url: string;
  let neon: DatabaseHandle;

  beforeAll(async () => {
    proxy = await startNeonWsProxy();
    url = await emptyPostgres("neon");
    vi.stubEnv("DATABASE_DRIVER", "neon");
    vi.stubEnv("NEON_WS_PROXY", proxy.address);
    try {
      neon = await openDatabase(url);
    } finally {
      vi.unstubAllEnvs();
    }
    await migrateDatabase(neon);
  });
  afterAll(async () => {
    await neon?.close();
    await proxy?.close();
  });

  test("uses the neon driver, and its traffic really goes through the proxy", async () => {
    expect(neon.driver).toBe("neon");
    const { Pool } = await import("@neondatabase/serverless");
    expect(neon.pool).toBeInstanceOf(Pool);
    expect(proxy.connections()).toBeGreaterThan(0);
  });

  test("migrations ran, with the same tables and columns as PGlite", async () => {
    expect(await appliedMigrations(neon.db)).toBe(journal.entries.length);
    const lite = await freshPglite();
    try {
      expect(await publicColumns(neon.db)).toEqual(await publicColumns(lite.db));
    } finally {
      await lite.close();
    }
  });

  test("a transaction that throws is rolled back; a committed one is visible", async () => {
    await expect(
      neon.db.transaction(async (tx) => {
        await tx.insert(merchants).values({ id: "m_rolled_back", businessName: "Never" });
        const inside = await tx.select({ id: merchants.id }).from(merchants);
        expect(inside.map((r) => r.id)).toContain("m_rolled_back");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");

    await neon.db.transaction(async (tx) => {
      await tx.insert(merchants).values({ id: "m_committed", businessName: "Kept" });
    });

    const seen = (await neon.db.select({ id: merchants.id }).from(merchants)).map((r) => r.id);
    expect(seen).toContain("m_committed");
    expect(seen).not.toContain("m_rolled_back");
    // And the server agrees, seen over an independent connection.
    const viaPg = await merchantIdsViaPg(url);
    expect(viaPg).toContain("m_committed");
    expect(viaPg).not.toContain("m_rolled_back");
  });

  test("two interactive transactions run concurrently on separate connections", async () => {
    // Each transaction inserts, then waits for the other to have inserted too; each reads, then waits
    // for the other to have read too before committing (else one could read after the other's commit).
    // If the driver serialised them on one connection they would never meet.
    const barrier = () => {
      let arrive!: () => void;
      const all = new Promise<void>((resolve) => {
        let count = 0;
        arrive = () => {
          if (++count === 2) resolve();
        };
      });
      return async () => {
        arrive();
        await Promise.race([all, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("transactions did not overlap")), 10_000))]);
      };
    };
    const bothInserted = barrier();
    const bothRead = barrier();

    const run = (id: string, other: string) =>
      neon.db.transaction(async (tx) => {
        const pid = await tx.execute(sql`select pg_backend_pid() as pid`);
        await tx.insert(merchants).values({ id, businessName: id });
        await bothInserted();
        const visible = (await tx.select({ id: merchants.id }).from(merchants)).map((r) => r.id);
        await bothRead();
        return { pid: Number(pid.rows[0]?.pid), sawOwn: visible.includes(id), sawOther: visible.includes(other) };
      });

    const [a, b] = await Promise.all([run("m_tx_a", "m_tx_b"), run("m_tx_b", "m_tx_a")]);
    expect(a.pid).not.toBe(b.pid);
    expect(a.sawOwn && b.sawOwn).toBe(true);
    // Read committed: neither saw the other's uncommitted row...
    expect(a.sawOther || b.sawOther).toBe(false);
    // ...and after both committed, both rows are there.
    const viaPg = await merchantIdsViaPg(url);
    expect(viaPg).toEqual(expect.arrayContaining(["m_tx_a", "m_tx_b"]));
  });
});
