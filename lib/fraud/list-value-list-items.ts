import { and, eq } from "drizzle-orm";
import { fraudListItems } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { ListValueListItemsQuery } from "./radar-inputs";
import { findList, noSuchList } from "./radar-load";
import { serializeListItem } from "./radar-serialize";

/** GET /api/v1/radar/value_list_items?value_list=rsl_… (or its alias) — newest first, cursor pages; `value=` finds one. */
export async function listValueListItems({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "radar:read");
  const q = parseWith(ListValueListItemsQuery, input ?? {});
  const db = await executor(ctx);
  const list = await findList(db, ctx, q.value_list, { byAlias: true });
  if (!list) throw noSuchList(q.value_list, "value_list");
  return paginate({
    db,
    table: fraudListItems,
    id: fraudListItems.id,
    where: and(eq(fraudListItems.listId, list.id), q.value !== undefined ? eq(fraudListItems.value, q.value.trim().toLowerCase()) : undefined),
    params: q,
    url,
    serialize: serializeListItem,
  });
}
