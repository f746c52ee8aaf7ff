import { and, eq } from "drizzle-orm";
import { fraudListItems } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { isId } from "@/lib/ids";
import { noSuchListItem } from "./radar-load";

/** DELETE /api/v1/radar/value_list_items/:id — takes the value off its list, audited (radar_value_list_item.deleted). */
export async function deleteValueListItem({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "radar:write");
  if (!isId("fraudListItem", id)) throw noSuchListItem(id);
  return commit(
    ctx,
    async (tx, changes) => {
      const [row] = await tx
        .delete(fraudListItems)
        .where(and(eq(fraudListItems.id, id), eq(fraudListItems.merchantId, ctx.merchantId), eq(fraudListItems.livemode, ctx.livemode)))
        .returning();
      if (!row) throw noSuchListItem(id);
      changes.audit({
        action: "radar_value_list_item.deleted",
        targetType: "radar_value_list",
        targetId: row.listId,
        metadata: { item: id, value: row.value },
      });
      return { id, object: "radar.value_list_item" as const, deleted: true as const };
    },
    { respond: (object) => object },
  );
}
