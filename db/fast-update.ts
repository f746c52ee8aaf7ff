import { and, Column, eq, getTableColumns, getTableName, is, isNull, Param, SQL, type SQLWrapper } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client";
import { drizzleRender, isEntity, renderChecked, type Rendered } from "./fast-insert";

/** In a fastUpdate's `where`: the column IS NULL (drizzle's `isNull`), not `= null`. */
export const IS_NULL: unique symbol = Symbol("IS NULL");

type Row<T extends PgTable> = T["$inferSelect"];
export type UpdateSet<T extends PgTable> = Partial<T["$inferInsert"]>;
export type UpdateWhere<T extends PgTable> = { [K in keyof Row<T>]?: Row<T>[K] | typeof IS_NULL };

/**
 * A plain UPDATE on the hot path — `set` columns to values, `where` every given column equals its value (or
 * IS NULL), optionally `returning` some columns — without drizzle walking its SQL tree on every call (see
 * FastInsert). Drizzle renders each shape (the table, which columns are set, which are compared, which
 * are returned) once; later updates of that shape only map their values with the columns' own encoders, in
 * drizzle's order: the set columns in the table's order (with each `$onUpdate` column drizzle adds), then
 * the where values in the given order. A value that is itself SQL is rendered by drizzle as before.
 * KASSA_FAST_INSERT_CHECK=1 (the test suite) compares every render with drizzle's own.
 */
export class FastUpdate<T extends PgTable = PgTable> {
  constructor(
    private readonly db: Executor,
    private readonly table: T,
    private readonly set: UpdateSet<T>,
    private readonly where: UpdateWhere<T>,
    private readonly returning: readonly string[] = [],
  ) {}

  getSQL(): SQL {
    return this.builder().getSQL();
  }

  private builder(): SQLWrapper & { toSQL(): { sql: string; params: unknown[] } } {
    const columns = getTableColumns(this.table) as Record<string, Column>;
    const conditions = Object.entries(this.where).map(([key, value]) => (value === IS_NULL ? isNull(columns[key]!) : eq(columns[key]!, value)));
    const update = this.db
      .update(this.table)
      .set(this.set as never)
      .where(and(...conditions));
    if (this.returning.length === 0) return update;
    return update.returning(Object.fromEntries(this.returning.map((key) => [key, columns[key]!])) as never);
  }

  /** The statement with its placeholders numbered from `offset + 1`, and its parameters. */
  render(offset = 0): { text: string; params: unknown[] } {
    return renderChecked(`FastUpdate of ${getTableName(this.table)}`, this.renderFast(), () => this.builder().toSQL(), offset);
  }

  private renderFast(): Rendered | null {
    const info = infoOf(this.table);
    const params: unknown[] = [];
    let shape = "";
    const set = this.set as Record<string, unknown>;
    for (const [key, col] of info.columns) {
      let value = set[key];
      if (value === undefined) {
        if (col.onUpdateFn === undefined) continue;
        value = col.onUpdateFn();
      }
      if (isEntity(value) && (is(value, SQL) || is(value, Param) || is(value, Column))) return null;
      const mapped = value === null ? null : col.mapToDriverValue(value);
      if (isEntity(mapped) && is(mapped, SQL)) return null;
      params.push(mapped);
      shape += `${key},`;
    }
    shape += "|";
    for (const [key, value] of Object.entries(this.where)) {
      const col = info.byKey.get(key);
      if (!col) return null;
      if (value === IS_NULL) {
        shape += `${key}~,`;
        continue;
      }
      if (isEntity(value) && (is(value, SQL) || is(value, Param))) return null;
      params.push(value === null ? null : col.mapToDriverValue(value));
      shape += `${key},`;
    }
    shape += `|${this.returning.join(",")}`;
    let pieces = info.shapes.get(shape);
    if (!pieces) {
      if (info.shapes.size >= MAX_SHAPES_PER_TABLE) return null;
      const own = drizzleRender(this.builder().toSQL());
      if (own.params.length !== params.length) return null;
      pieces = own.pieces;
      info.shapes.set(shape, pieces);
    }
    return { pieces, params };
  }
}

/** `update table set … where …` (each where column equal to its value, or IS_NULL), built on `db`. */
export function fastUpdate<T extends PgTable>(
  db: Executor,
  table: T,
  set: UpdateSet<T>,
  where: UpdateWhere<T>,
  opts: { returning?: readonly (keyof Row<T> & string)[] } = {},
): FastUpdate<T> {
  return new FastUpdate(db, table, set, where, opts.returning ?? []);
}

const MAX_SHAPES_PER_TABLE = 256;

interface TableInfo {
  columns: [string, Column][];
  byKey: Map<string, Column>;
  shapes: Map<string, string[]>;
}

const tables = new WeakMap<PgTable, TableInfo>();

function infoOf(table: PgTable): TableInfo {
  let info = tables.get(table);
  if (!info) {
    const columns = Object.entries(getTableColumns(table) as Record<string, Column>);
    tables.set(table, (info = { columns, byKey: new Map(columns), shapes: new Map() }));
  }
  return info;
}
