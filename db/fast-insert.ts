import { getTableColumns, getTableName, is, Param, SQL, type Column } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

/**
 * A plain INSERT on the hot path (a payment, its attempt, its ledger rows, audit rows, outbox events) without
 * drizzle walking its SQL tree on every call. Drizzle renders the statement once per shape — the table, how many
 * rows, and which columns each row gives, takes from a default function, or leaves to the column's DEFAULT —
 * and keeps its text; later inserts of that shape only map their values with the columns' own encoders, in the
 * order drizzle would. The profile of create+confirm had drizzle's rendering at a third of the server's thread.
 *
 * A value that is itself SQL (`sql\`now()\``), or a shape past the cache's bound, is rendered by drizzle as
 * before. `getSQL()` is the drizzle builder's, so anything that takes a Renderable takes this too; executeAsOne
 * (db/batch.ts) asks `render(offset)` instead. KASSA_FAST_INSERT_CHECK=1 (the test suite) compares every
 * render with drizzle's own and throws on any difference.
 */
export class FastInsert {
  constructor(
    private readonly db: Executor,
    private readonly table: PgTable,
    private readonly rows: Record<string, unknown>[],
    private readonly onConflict: "nothing" | ConflictUpdate | null = null,
    private readonly returning: readonly string[] = [],
  ) {}

  getSQL(): SQL {
    return this.builder().getSQL();
  }

  private builder() {
    return builderOf(this.db, this.table, this.rows, this.onConflict, this.returning);
  }

  /** The statement with its placeholders numbered from `offset + 1`, and its parameters. */
  render(offset = 0): { text: string; params: unknown[] } {
    const fast = renderFast(this.db, this.table, this.rows, this.onConflict, this.returning);
    return renderChecked(`FastInsert into ${getTableName(this.table)}`, fast, () => this.builder().toSQL(), offset);
  }
}

/**
 * A fast write's statement numbered from `offset + 1`: its own render, or drizzle's (`own`) when it has none.
 * Under KASSA_FAST_INSERT_CHECK=1 (the test suite) every fast render is compared with drizzle's and a difference throws.
 */
export function renderChecked(
  what: string,
  fast: Rendered | null,
  own: () => { sql: string; params: unknown[] },
  offset: number,
): { text: string; params: unknown[] } {
  const out = fast ?? drizzleRender(own());
  if (checking && fast) {
    const drizzle = drizzleRender(own());
    if (drizzle.pieces.join("\u0000") !== fast.pieces.join("\u0000") || !sameParams(drizzle.params, fast.params)) {
      throw new Error(`${what} differs from drizzle's: ${JSON.stringify({ own: drizzle, fast })}`);
    }
  }
  return numbered(out, offset);
}

/**
 * An upsert's ON CONFLICT DO UPDATE that is the same text on every call: a module constant whose `set`
 * takes its values from the proposed row (`excluded.…`) or the existing one, never a parameter — e.g.
 * `{ attempts: sql\`${fraudCounters.attempts} + excluded.attempts\` }`. Its identity is part of the shape.
 */
export interface ConflictUpdate {
  target: PgColumn[];
  set: Record<string, SQL>;
}

function builderOf(db: Executor, table: PgTable, rows: Record<string, unknown>[], onConflict: "nothing" | ConflictUpdate | null, returning: readonly string[]) {
  const insert = db.insert(table).values(rows as never);
  const conflicted =
    onConflict === null
      ? insert
      : onConflict === "nothing"
        ? insert.onConflictDoNothing()
        : insert.onConflictDoUpdate({ target: onConflict.target, set: onConflict.set as never });
  if (returning.length === 0) return conflicted;
  const columns = getTableColumns(table) as Record<string, Column>;
  return conflicted.returning(Object.fromEntries(returning.map((key) => [key, columns[key]!])) as never);
}

const conflictIds = new WeakMap<ConflictUpdate, number>();
let conflictCount = 0;
function conflictShape(onConflict: "nothing" | ConflictUpdate | null): string {
  if (onConflict === null) return "";
  if (onConflict === "nothing") return "n";
  let id = conflictIds.get(onConflict);
  if (id === undefined) conflictIds.set(onConflict, (id = ++conflictCount));
  return `u${id}:`;
}

/** A rendered statement's text with its placeholders numbered from `offset + 1`. */
function numbered(out: Rendered, offset: number): { text: string; params: unknown[] } {
  let text = out.pieces[0]!;
  for (let i = 1; i < out.pieces.length; i++) text += `$${offset + i}${out.pieces[i]}`;
  return { text, params: out.params };
}

/** A plain insert of `rows` into `table` (built on `db`: a transaction's, to run on its connection). */
export function fastInsert<T extends PgTable>(
  db: Executor,
  table: T,
  rows: T["$inferInsert"] | T["$inferInsert"][],
  opts: { onConflictDoNothing?: boolean; onConflictDoUpdate?: ConflictUpdate; returning?: readonly (keyof T["$inferSelect"] & string)[] } = {},
): FastInsert {
  const onConflict = opts.onConflictDoUpdate ?? (opts.onConflictDoNothing === true ? "nothing" : null);
  return new FastInsert(db, table, (Array.isArray(rows) ? rows : [rows]) as Record<string, unknown>[], onConflict, opts.returning ?? []);
}

const checking = process.env.KASSA_FAST_INSERT_CHECK === "1";

/** A rendered statement split at its placeholders: pieces[0] $1 pieces[1] $2 … */
export interface Rendered {
  pieces: string[];
  params: unknown[];
}

export function drizzleRender(query: { sql: string; params: unknown[] }): Rendered {
  // An insert's text holds quoted identifiers, placeholders and `default`: every `$n` is a placeholder.
  return { pieces: query.sql.split(/\$\d+/), params: query.params };
}

interface TableInfo {
  columns: [string, Column][];
  shapes: Map<string, string[]>;
}

const tables = new WeakMap<PgTable, TableInfo>();
const MAX_SHAPES_PER_TABLE = 256;

function infoOf(table: PgTable): TableInfo {
  let info = tables.get(table);
  if (!info) {
    // As drizzle's buildInsertQuery: the table's columns in order, less generated ones.
    const columns = Object.entries(getTableColumns(table) as Record<string, Column>).filter(
      ([, col]) => !(col as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert(),
    );
    tables.set(table, (info = { columns, shapes: new Map() }));
  }
  return info;
}

/** What drizzle's buildInsertQuery does with a missing value: 'd' its default function, 'u' its update function, '-' DEFAULT. */
function missing(col: Column): "d" | "u" | "-" {
  if (col.defaultFn !== undefined) return "d";
  if (!col.default && col.onUpdateFn !== undefined) return "u";
  return "-";
}

function renderFast(
  db: Executor,
  table: PgTable,
  rows: Record<string, unknown>[],
  onConflict: "nothing" | ConflictUpdate | null,
  returning: readonly string[],
): Rendered | null {
  const info = infoOf(table);
  const params: unknown[] = [];
  let shape = conflictShape(onConflict) + (returning.length ? `r:${returning.join(",")}:` : "");
  for (const row of rows) {
    for (const [key, col] of info.columns) {
      let value = row[key];
      let kind: string;
      if (value === undefined || (isEntity(value) && is(value, Param) && value.value === undefined)) {
        kind = missing(col);
        if (kind === "-") {
          shape += kind;
          continue;
        }
        value = kind === "d" ? col.defaultFn!() : col.onUpdateFn!();
      } else kind = "v";
      if (isEntity(value) && (is(value, SQL) || is(value, Param))) return null;
      const mapped = value === null ? null : col.mapToDriverValue(value);
      if (isEntity(mapped) && is(mapped, SQL)) return null;
      params.push(mapped);
      shape += kind;
    }
    shape += "|";
  }
  let pieces = info.shapes.get(shape);
  if (!pieces) {
    if (info.shapes.size >= MAX_SHAPES_PER_TABLE) return null;
    // Drizzle renders the shape once (its default functions run again there: only the text is kept).
    const own = drizzleRender(builderOf(db, table, rows, onConflict, returning).toSQL());
    // An ON CONFLICT clause with parameters of its own is not a fixed text: drizzle renders it every time.
    if (own.params.length !== params.length) return null;
    pieces = own.pieces;
    info.shapes.set(shape, pieces);
  }
  return { pieces, params };
}

/**
 * Whether a value may be one of drizzle's own objects (SQL, Param, a column): an instance of some class other
 * than the values rows hold. Asked before drizzle's `is`, which walks the prototype chain and was 3 % of the
 * create+confirm profile when asked of every column of every row.
 */
export function isEntity(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== Date.prototype && proto !== Array.prototype && proto !== null;
}

function sameParams(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i] || (v instanceof Date && b[i] instanceof Date && v.getTime() === (b[i] as Date).getTime()));
}
