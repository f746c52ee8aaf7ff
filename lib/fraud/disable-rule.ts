import { eq } from "drizzle-orm";
import { fraudRules } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { lockRules } from "./radar-limits";
import { loadRule } from "./radar-load";
import { serializeRule, type RuleObject } from "./radar-serialize";

/**
 * DELETE /api/v1/radar/rules/:id — disables the rule (the row stays, for the assessments that name it), audited
 * (radar_rule.disabled). Disabling a disabled rule answers it as it is.
 */
export async function disableRule({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<RuleObject> {
  requirePermission(ctx, "radar:write");
  return commit(
    ctx,
    async (tx, changes) => {
      await lockRules(tx, ctx);
      const before = await loadRule(tx, ctx, id, { lock: true });
      if (before.status === "disabled") return serializeRule(before);
      const [row] = await tx.update(fraudRules).set({ status: "disabled" }).where(eq(fraudRules.id, id)).returning();
      changes.audit({ action: "radar_rule.disabled", targetType: "radar_rule", targetId: id, metadata: { source: before.source } });
      return serializeRule(row!);
    },
    { respond: (object) => object },
  );
}
