import pg from "pg";
import type { Executor } from "./client";

interface QueryClient {
  query(config: { name: string; text: string; values: unknown[] } | string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The driver client under a Drizzle database or transaction (the transaction's own connection). */
function clientOf(db: Executor): QueryClient {
  const client = (db as unknown as { session?: { client?: QueryClient } }).session?.client;
  if (!client) throw new Error("preparedQuery: no driver client under this executor");
  return client;
}

const isNodePg = (c: unknown) => c instanceof pg.Pool || c instanceof pg.Client;

/**
 * A hot read with one fixed SQL text (`$1…$n` parameters): no query building per call, and on
 * node-postgres a named statement, parsed once per connection, whose plan Postgres caches. PGlite and
 * Neon run the same text as a plain parameterised query. Runs on the executor's own connection — a
 * transaction's when given one — so it is safe inside a commit on PGlite's single connection.
 * Rows come back as the driver parses them (int4 and float8 as numbers, int8 and numeric as strings).
 */
export function preparedQuery<Row>(name: string, text: string): (db: Executor, values: unknown[]) => Promise<Row[]> {
  return async (db, values) => {
    const client = clientOf(db);
    const result = isNodePg(client) ? await client.query({ name, text, values }) : await client.query(text, values);
    return result.rows as Row[];
  };
}
