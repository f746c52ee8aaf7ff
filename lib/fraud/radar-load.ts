import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fraudListItems, fraudLists, fraudRules, type FraudListItemRow, type FraudListRow, type FraudRuleRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

type Tenant = Pick<ServiceContext, "merchantId" | "livemode">;

/** Items shown inside a value list object; the rest through GET /api/v1/radar/value_list_items. */
export const LIST_ITEMS_SHOWN = 10;

export const noSuchRule = (id: string) => new KassaError("resource_missing", `No such rule: '${id}'`, { param: "id" });
export const noSuchList = (id: string, param = "id") => new KassaError("resource_missing", `No such value list: '${id}'`, { param });
export const noSuchListItem = (id: string) => new KassaError("resource_missing", `No such value list item: '${id}'`, { param: "id" });

/** The merchant's rule in this mode; another tenant's (or mode's) is "not found". */
export async function loadRule(db: Executor, ctx: Tenant, id: string, opts: { lock?: boolean } = {}): Promise<FraudRuleRow> {
  if (!isId("fraudRule", id)) throw noSuchRule(id);
  const query = db
    .select()
    .from(fraudRules)
    .where(and(eq(fraudRules.id, id), eq(fraudRules.merchantId, ctx.merchantId), eq(fraudRules.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchRule(id);
  return row;
}

/** The merchant's value list by id (`rsl_…`) or, where `byAlias`, by alias; null when there is none. */
export async function findList(db: Executor, ctx: Tenant, ref: string, opts: { byAlias?: boolean; lock?: boolean } = {}): Promise<FraudListRow | null> {
  const key = isId("fraudList", ref) ? eq(fraudLists.id, ref) : opts.byAlias ? eq(fraudLists.alias, ref) : null;
  if (!key) return null;
  const query = db
    .select()
    .from(fraudLists)
    .where(and(key, eq(fraudLists.merchantId, ctx.merchantId), eq(fraudLists.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function loadList(db: Executor, ctx: Tenant, id: string, opts: { param?: string; lock?: boolean } = {}): Promise<FraudListRow> {
  const row = await findList(db, ctx, id, { lock: opts.lock });
  if (!row) throw noSuchList(id, opts.param);
  return row;
}

/** A list's newest items for its object's `list_items`. */
export async function firstItems(db: Executor, listId: string): Promise<{ data: FraudListItemRow[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(fraudListItems)
    .where(eq(fraudListItems.listId, listId))
    .orderBy(desc(fraudListItems.id))
    .limit(LIST_ITEMS_SHOWN + 1);
  return { data: rows.slice(0, LIST_ITEMS_SHOWN), hasMore: rows.length > LIST_ITEMS_SHOWN };
}
