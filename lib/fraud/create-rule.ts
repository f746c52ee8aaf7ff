import { and, count, eq } from "drizzle-orm";
import { fraudRules } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { newId } from "@/lib/ids";
import { checkRuleSource } from "./check-rule-source";
import { CreateRuleInput } from "./radar-inputs";
import { lockRules, MAX_ACTIVE_RULES } from "./radar-limits";
import { serializeRule, type RuleObject } from "./radar-serialize";

/**
 * POST /api/v1/radar/rules — a merchant's rule in this mode, version 1, audited (radar_rule.created). The action
 * comes from the source (`block if …`); an `action` that disagrees is refused. At most 100 active rules.
 */
export async function createRule({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RuleObject> {
  requirePermission(ctx, "radar:write");
  const data = parseWith(CreateRuleInput, input ?? {});
  return commit(
    ctx,
    async (tx, changes) => {
      // Locked first: a list deleted meanwhile (delete-value-list takes the same lock) cannot leave this rule naming it.
      await lockRules(tx, ctx);
      const rule = await checkRuleSource(tx, ctx, data.source, data.action);
      const [active] = await tx
        .select({ n: count() })
        .from(fraudRules)
        .where(and(eq(fraudRules.merchantId, ctx.merchantId), eq(fraudRules.livemode, ctx.livemode), eq(fraudRules.status, "active")));
      if (active!.n >= MAX_ACTIVE_RULES) {
        throw new KassaError("rule_invalid", `You already have ${MAX_ACTIVE_RULES} active rules, the most there can be: disable one first.`, {
          param: "source",
        });
      }
      const id = newId("fraudRule");
      const [row] = await tx
        .insert(fraudRules)
        .values({ id, merchantId: ctx.merchantId, livemode: ctx.livemode, action: rule.action, source: data.source, version: 1 })
        .returning();
      changes.audit({ action: "radar_rule.created", targetType: "radar_rule", targetId: id, metadata: { action: rule.action, source: data.source } });
      return serializeRule(row!);
    },
    { respond: (object) => object },
  );
}
