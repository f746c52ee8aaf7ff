import { and, eq } from "drizzle-orm";
import { fraudListItems, fraudLists, fraudRules } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { parseRule } from "./rules";
import { lockRules } from "./radar-limits";
import { loadList } from "./radar-load";

/**
 * DELETE /api/v1/radar/value_lists/:id — the list and its items, audited (radar_value_list.deleted). Refused with
 * value_list_in_use while an active rule reads it (as Stripe does); a default list can go, the default rules then
 * see it empty until an item is added again.
 */
export async function deleteValueList({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "radar:write");
  return commit(
    ctx,
    async (tx, changes) => {
      await lockRules(tx, ctx);
      const list = await loadList(tx, ctx, id, { lock: true });
      const active = await tx
        .select({ id: fraudRules.id, source: fraudRules.source })
        .from(fraudRules)
        .where(and(eq(fraudRules.merchantId, ctx.merchantId), eq(fraudRules.livemode, ctx.livemode), eq(fraudRules.status, "active")));
      const readers = active.filter((r) => {
        const parsed = parseRule(r.source);
        return parsed.ok && parsed.rule.aliases.includes(list.alias);
      });
      if (readers.length > 0) {
        throw new KassaError(
          "value_list_in_use",
          `@${list.alias} is read by ${readers.length === 1 ? "rule" : "rules"} ${readers.map((r) => r.id).join(", ")}: disable or change ${readers.length === 1 ? "it" : "them"} first.`,
          { param: "id" },
        );
      }
      await tx.delete(fraudListItems).where(eq(fraudListItems.listId, id));
      await tx.delete(fraudLists).where(eq(fraudLists.id, id));
      changes.audit({ action: "radar_value_list.deleted", targetType: "radar_value_list", targetId: id, metadata: { alias: list.alias } });
      return { id, object: "radar.value_list" as const, deleted: true as const };
    },
    { respond: (object) => object },
  );
}
