import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";

/**
 * The database the executor is handed: any Drizzle Postgres database (pg, Neon or PGlite) built with
 * `casing: "snake_case"`. The executor brings its own tables (./schema.ts) and needs nothing of the
 * caller's schema.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExecutorDatabase = PgDatabase<PgQueryResultHKT, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExecutorTransaction = PgTransaction<PgQueryResultHKT, any, any>;
/** Anything that can run a query: the database or an open transaction. */
export type Conn = ExecutorDatabase | ExecutorTransaction;
