import { eq } from "drizzle-orm";
import { fraudRules } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { newId } from "@/lib/ids";
import { checkRuleSource } from "./check-rule-source";
import { UpdateRuleInput } from "./radar-inputs";
import { lockRules } from "./radar-limits";
import { loadRule } from "./radar-load";
import { serializeRule, type RuleObject } from "./radar-serialize";

/**
 * POST /api/v1/radar/rules/:id — a new version of an active rule: the old row disabled, a new row (new id) that
 * `replaces` it with version + 1, audited (radar_rule.updated, naming both). The same source again changes nothing.
 * A disabled rule (or an older version) is refused with rule_inactive.
 */
export async function updateRule({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<RuleObject> {
  requirePermission(ctx, "radar:write");
  const data = parseWith(UpdateRuleInput, input ?? {});
  return commit(
    ctx,
    async (tx, changes) => {
      await lockRules(tx, ctx);
      const before = await loadRule(tx, ctx, id, { lock: true });
      if (before.status !== "active") {
        throw new KassaError(
          "rule_inactive",
          `Rule ${id} is not active (disabled, or replaced by a newer version): change the active version, or create a rule.`,
          {
            param: "id",
          },
        );
      }
      const rule = await checkRuleSource(tx, ctx, data.source, data.action);
      if (data.source === before.source) return serializeRule(before);
      await tx.update(fraudRules).set({ status: "disabled" }).where(eq(fraudRules.id, id));
      const newIdValue = newId("fraudRule");
      const [row] = await tx
        .insert(fraudRules)
        .values({
          id: newIdValue,
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          action: rule.action,
          source: data.source,
          version: before.version + 1,
          replaces: id,
        })
        .returning();
      changes.audit({
        action: "radar_rule.updated",
        targetType: "radar_rule",
        targetId: newIdValue,
        metadata: { replaces: id, version: before.version + 1, before: before.source, after: data.source },
      });
      return serializeRule(row!);
    },
    { respond: (object) => object },
  );
}
