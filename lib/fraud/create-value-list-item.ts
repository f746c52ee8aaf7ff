import { fraudListItems } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { newId } from "@/lib/ids";
import { defaultList } from "./default-lists";
import { insertList } from "./create-value-list";
import { normalizeListValue } from "./list-values";
import { CreateValueListItemInput } from "./radar-inputs";
import { findList, noSuchList } from "./radar-load";
import { serializeListItem, type ListItemObject } from "./radar-serialize";

/**
 * POST /api/v1/radar/value_list_items — a value on a list, by the list's id or alias; the value lowercased and
 * checked against the list's item type. A default list (`block_email`…) that does not exist yet is created here.
 * A value already on the list is refused with 400 resource_already_exists, as Stripe does.
 */
export async function createValueListItem({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<ListItemObject> {
  requirePermission(ctx, "radar:write");
  const data = parseWith(CreateValueListItemInput, input ?? {});
  return commit(
    ctx,
    async (tx, changes) => {
      let list = await findList(tx, ctx, data.value_list, { byAlias: true, lock: true });
      const fixed = list ? null : defaultList(data.value_list);
      if (!list && fixed) {
        // Created on first use; a request racing this one for the same default list finds the winner's row.
        list = (await insertList(tx, ctx, changes, fixed)) ?? (await findList(tx, ctx, fixed.alias, { byAlias: true, lock: true }));
      }
      if (!list) throw noSuchList(data.value_list, "value_list");
      const value = normalizeListValue(list.itemType, data.value);
      const id = newId("fraudListItem");
      const [row] = await tx
        .insert(fraudListItems)
        .values({ id, merchantId: ctx.merchantId, livemode: ctx.livemode, listId: list.id, value })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new KassaError("resource_already_exists", `'${value}' is already on @${list.alias}.`, { param: "value" });
      changes.audit({ action: "radar_value_list_item.created", targetType: "radar_value_list", targetId: list.id, metadata: { item: id, value } });
      return serializeListItem(row);
    },
    { respond: (object) => object },
  );
}
