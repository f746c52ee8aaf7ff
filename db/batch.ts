import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "./client";

/** Anything drizzle can render: an insert/update/delete builder or a `sql` fragment. */
export interface Renderable {
  getSQL(): SQL;
}

/**
 * Runs several writes as ONE statement (data-modifying CTEs): one round trip instead of one per
 * write, and atomic on its own — Postgres applies all of them or none. The writes must not depend
 * on each other's effects (they all see the same snapshot). Returns nothing.
 */
export async function executeAsOne(db: Executor, writes: Renderable[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await db.execute(writes[0]!.getSQL());
    return;
  }
  const head = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  await db.execute(sql`with ${sql.join(head, sql`, `)} ${writes.at(-1)!.getSQL()}`);
}
