import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "./client";
import { FastInsert } from "./fast-insert";
import { FastUpdate } from "./fast-update";
import { clientOf, isNodePg } from "./prepared";

/** Anything drizzle can render: an insert/update/delete builder or a `sql` fragment. */
export interface Renderable {
  getSQL(): SQL;
}

/**
 * Runs several writes as ONE statement (data-modifying CTEs): one round trip instead of one per
 * write, and atomic on its own — Postgres applies all of them or none. The writes must not depend
 * on each other's effects (they all see the same snapshot). Returns nothing.
 */
export async function executeAsOne(db: Executor, writes: Renderable[], opts: { fence?: number } = {}): Promise<void> {
  if (writes.length === 0) return;
  if (writes.some(isFast)) return executeComposed(db, writes, opts.fence);
  if (opts.fence !== undefined) return executeFenced(db, writes, opts.fence);
  if (writes.length === 1) {
    await db.execute(writes[0]!.getSQL());
    return;
  }
  const head = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  await db.execute(sql`with ${sql.join(head, sql`, `)} ${writes.at(-1)!.getSQL()}`);
}

/** Raised when the fenced write matched no row: nothing of the batch was written. */
export class FenceLostError extends Error {
  constructor() {
    super("fenced write matched no row; the batch was rolled back");
  }
}

/**
 * Like executeAsOne, but all-or-nothing on one write (`writes[fence]`, which must use RETURNING)
 * matching a row: a fenced idempotency lock that another request took over. The final SELECT divides
 * by that write's row count, so a lost fence aborts the whole statement (division_by_zero, 22012).
 */
async function executeFenced(db: Executor, writes: Renderable[], fence: number): Promise<void> {
  const head = writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  try {
    await db.execute(sql`with ${sql.join(head, sql`, `)} select 1 / (select count(*)::int from ${sql.raw(`w${fence}`)}) as fenced`);
  } catch (error) {
    if (sqlState(error) === "22012") throw new FenceLostError();
    throw error;
  }
}

type Fast = FastInsert | FastUpdate;
const isFast = (w: Renderable): w is Fast => w instanceof FastInsert || w instanceof FastUpdate;

/** Composed texts already named, so each connection parses and plans each one once. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 500;

/**
 * executeAsOne and executeFenced with FastInserts or FastUpdates among the writes: every write a CTE (`w{i}`,
 * its index), the others rendered by drizzle first, then each fast write's kept text numbered on from there,
 * sent as text and parameters on the executor's own connection (a transaction's when given one). Data-modifying
 * CTEs all run whether or not the final SELECT reads them. When every write is fast the text is one of a few
 * fixed shapes: on node-postgres it goes as a named statement, which each connection parses once and Postgres
 * plans from its cache (the hot path's phase A and B spent more time planning than executing).
 */
async function executeComposed(db: Executor, writes: Renderable[], fence: number | undefined): Promise<void> {
  const others = writes.flatMap((w, i) => (isFast(w) ? [] : [sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`]));
  const head = others.length ? dialectOf(db).sqlToQuery(sql`with ${sql.join(others, sql`, `)}`) : { sql: "", params: [] };
  let text = head.sql;
  const params = [...head.params];
  writes.forEach((w, i) => {
    if (!isFast(w)) return;
    const part = w.render(params.length);
    text += `${text ? ", " : "with "}w${i} as (${part.text})`;
    for (const p of part.params) params.push(p);
  });
  text += fence === undefined ? " select 1" : ` select 1 / (select count(*)::int from w${fence}) as fenced`;
  const client = clientOf(db);
  let name = others.length === 0 && isNodePg(client) ? statementNames.get(text) : undefined;
  if (name === undefined && others.length === 0 && isNodePg(client) && statementNames.size < MAX_NAMED_STATEMENTS) {
    // Named by the text's own hash: two copies of this module (two server bundles) sharing a connection give one
    // text one name, never one name two texts (node-postgres refuses a known name with another text).
    name = `kassa_w_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    statementNames.set(text, name);
  }
  try {
    await (name === undefined ? client.query(text, params) : client.query({ name, text, values: params }));
  } catch (error) {
    if (fence !== undefined && sqlState(error) === "22012") throw new FenceLostError();
    throw error;
  }
}

function dialectOf(db: Executor): { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } } {
  return (db as unknown as { dialect: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } } }).dialect;
}

/** The SQLSTATE of a driver error (or of its cause), e.g. "23505" for a unique violation. */
export function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
