import type { RoutingConfigRow } from "@/db/schema";
import { connectorNameFor } from "@/lib/payments/connector";
import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { routableConnectors } from "./connectors";
import { loadRouting } from "./load-routing";
import type { RoutingRulesObject } from "./routing-object";
import type { RoutingTarget } from "./rules";

/** The mode's built-in processor as a route (the default until rules are saved), or null when the mode has none. */
export function builtInTarget(ctx: Pick<ServiceContext, "livemode">): RoutingTarget | null {
  try {
    return { connector: connectorNameFor(ctx) };
  } catch {
    return null;
  }
}

export function routingRulesObject(row: RoutingConfigRow | null, ctx: Pick<ServiceContext, "livemode">): RoutingRulesObject {
  return {
    object: "routing_rules",
    livemode: ctx.livemode,
    version: row?.version ?? 0,
    rules: row?.rules.rules ?? [],
    default: row?.rules.default ?? builtInTarget(ctx),
    connectors: routableConnectors(ctx.livemode).map((c) => ({ name: c.name, payment_method_types: [...c.methods] })),
    updated_at: row ? Math.floor(row.updatedAt.getTime() / 1000) : null,
  };
}

/** GET /api/v1/routing_rules: the mode's rules (none saved: no rules, the built-in default). */
export async function getRoutingRules({ ctx }: { ctx: ServiceContext }): Promise<RoutingRulesObject> {
  requirePermission(ctx, "routing:read");
  return routingRulesObject(await loadRouting(await executor(ctx), ctx), ctx);
}
