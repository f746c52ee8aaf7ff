import { sql } from "drizzle-orm";
import { routingConfigs } from "@/db/schema";
import { newId } from "@/lib/ids";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { compileRouting } from "./compile";
import { routableConnectors } from "./connectors";
import { routingRulesObject } from "./get-routing-rules";
import { loadRouting } from "./load-routing";
import { settleRoutingChange, ROUTING_CHANNEL } from "./routing-cache";
import type { RoutingRulesObject } from "./routing-object";
import { RoutingRulesInput } from "./rules";

/**
 * POST /api/v1/routing_rules: replaces the mode's rules whole (version + 1). Checked before anything is
 * stored — syntax, then references to the mode's connectors — each refusal naming its parameter. Every
 * instance drops its compiled copy at the commit (NOTIFY), so the next payment anywhere uses the new rules.
 * Owners and admins only: the rules decide which processor takes the money.
 */
export async function updateRoutingRules({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RoutingRulesObject> {
  requirePermission(ctx, "routing:write");
  const rules = parseWith(RoutingRulesInput, input);
  compileRouting(rules, routableConnectors(ctx.livemode), ctx.livemode);
  const saved = await commit(
    ctx,
    async (tx, changes) => {
      const before = await loadRouting(tx, ctx);
      const version = (before?.version ?? 0) + 1;
      const now = new Date();
      const [row] = await tx
        .insert(routingConfigs)
        .values({
          id: newId("routingConfig"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          version,
          rules,
          updatedBy: ctx.actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({ target: [routingConfigs.merchantId, routingConfigs.livemode], set: { version, rules, updatedBy: ctx.actor.id, updatedAt: now } })
        .returning();
      // Delivered to every listening instance when this transaction commits.
      await tx.execute(sql`select pg_notify(${ROUTING_CHANNEL}, ${ctx.merchantId})`);
      const object = routingRulesObject(row!, ctx);
      changes.audit({
        action: "routing_rules.updated",
        targetType: "merchant",
        targetId: ctx.merchantId,
        metadata: { version, before: before?.rules ?? null, after: rules },
      });
      changes.event("routing_rules.updated", object);
      return object;
    },
    { respond: (object) => object },
  );
  await settleRoutingChange(await executor(ctx), ctx.merchantId);
  return saved;
}
