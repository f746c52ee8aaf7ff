import pg from "pg";
import type { Database, Executor } from "./client";

interface QueryClient {
  query(config: { name: string; text: string; values: unknown[] } | string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The driver client under a Drizzle database or transaction (the transaction's own connection). */
export function clientOf(db: Executor): QueryClient {
  const client = (db as unknown as { session?: { client?: QueryClient } }).session?.client;
  if (!client) throw new Error("preparedQuery: no driver client under this executor");
  return client;
}

export const isNodePg = (c: unknown): boolean => c instanceof pg.Pool || c instanceof pg.Client;

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

/** What drizzle's `.prepare(name)` returns: a statement rendered once, run with values for its placeholders. */
export interface Prepared<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

const built = new WeakMap<object, Map<string, Prepared<unknown>>>();

/**
 * A hot statement built once per database handle: drizzle renders its SQL once (not per request), and
 * node-postgres sends it as a named prepared statement, so each connection parses and plans it once.
 * `build` makes the query with `sql.placeholder(...)` for every value and ends in `.prepare(name)`; `name`
 * must be unique to that SQL text. Inside a transaction the statement is built on the transaction (it
 * must run on the transaction's connection): the name still spares Postgres the parse.
 *
 * Placeholders bypass drizzle's column encoders: pass values already in the driver's form (numbers,
 * strings, booleans, Dates — which every driver sends as timestamptz — never a bigint column's value).
 */
export function preparedStatement<R>(db: Executor, name: string, build: (db: Executor, name: string) => Prepared<R>): Prepared<R> {
  if (typeof (db as Partial<{ rollback: unknown }>).rollback === "function") return build(db, name);
  let statements = built.get(db as Database);
  if (!statements) built.set(db as Database, (statements = new Map()));
  let statement = statements.get(name) as Prepared<R> | undefined;
  if (!statement) statements.set(name, (statement = build(db, name)));
  return statement;
}
