import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { fraudLists, type FraudListItemType, type FraudListRow } from "@/db/schema";
import { commit, type Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { newId } from "@/lib/ids";
import { defaultList } from "./default-lists";
import { CreateValueListInput } from "./radar-inputs";
import { serializeList, type ListObject } from "./radar-serialize";

/** Inserts a list (audited); null when the merchant already has one with this alias in this mode. */
export async function insertList(
  tx: Transaction,
  ctx: ServiceContext,
  changes: Changes,
  list: { alias: string; name: string; itemType: FraudListItemType },
): Promise<FraudListRow | null> {
  const id = newId("fraudList");
  const [row] = await tx
    .insert(fraudLists)
    .values({ id, merchantId: ctx.merchantId, livemode: ctx.livemode, ...list })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  changes.audit({
    action: "radar_value_list.created",
    targetType: "radar_value_list",
    targetId: id,
    metadata: { alias: list.alias, item_type: list.itemType },
  });
  return row;
}

/**
 * POST /api/v1/radar/value_lists — a list rules read as `@alias`. An alias is unique per merchant and mode (400
 * resource_already_exists). The default aliases (`block_email`, `allow_card_country`…) may be created here too, with
 * the item type the default rules expect.
 */
export async function createValueList({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<ListObject> {
  requirePermission(ctx, "radar:write");
  const data = parseWith(CreateValueListInput, input ?? {});
  const fixed = defaultList(data.alias);
  if (fixed && fixed.itemType !== data.item_type) {
    throw new KassaError("parameter_invalid", `Invalid item_type: @${data.alias} is read by the default rules as a ${fixed.itemType} list.`, {
      param: "item_type",
    });
  }
  return commit(
    ctx,
    async (tx, changes) => {
      const row = await insertList(tx, ctx, changes, { alias: data.alias, name: data.name, itemType: data.item_type });
      if (!row) {
        const [taken] = await tx
          .select({ id: fraudLists.id })
          .from(fraudLists)
          .where(and(eq(fraudLists.merchantId, ctx.merchantId), eq(fraudLists.livemode, ctx.livemode), eq(fraudLists.alias, data.alias)));
        throw new KassaError("resource_already_exists", `A value list with the alias '${data.alias}' already exists (${taken?.id ?? "in this mode"}).`, {
          param: "alias",
        });
      }
      return serializeList(row);
    },
    { respond: (object) => object },
  );
}
