import { and, asc, desc, gt, lt, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { KassaError } from "@/lib/service/errors";

export const listParams = {
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: z.string().min(1).max(255).optional(),
  ending_before: z.string().min(1).max(255).optional(),
};

export interface ListParams {
  limit: number;
  starting_after?: string;
  ending_before?: string;
}

export interface ListResponse<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * Cursor pagination over a time-sortable id column, newest first (Stripe's order).
 * `starting_after` pages towards older objects, `ending_before` towards newer ones.
 */
export async function paginate<Row extends Record<string, unknown>, Out>(args: {
  db: Executor;
  table: PgTable;
  id: PgColumn;
  where: SQL | undefined;
  params: ListParams;
  url: string;
  serialize: (row: Row) => Out;
}): Promise<ListResponse<Out>> {
  const { db, table, id, where, params, url, serialize } = args;
  if (params.starting_after && params.ending_before) {
    throw new KassaError("parameter_invalid", "Use either starting_after or ending_before, not both.", {
      param: "ending_before",
    });
  }
  const backwards = Boolean(params.ending_before);
  const cursor = params.starting_after ? lt(id, params.starting_after) : params.ending_before ? gt(id, params.ending_before) : undefined;
  const rows = (await db
    .select()
    .from(table)
    .where(and(where, cursor))
    .orderBy(backwards ? asc(id) : desc(id))
    .limit(params.limit + 1)) as Row[];
  const has_more = rows.length > params.limit;
  const page = rows.slice(0, params.limit);
  if (backwards) page.reverse();
  return { object: "list", data: page.map(serialize), has_more, url };
}
