import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { loadRule } from "./radar-load";
import { serializeRule, type RuleObject } from "./radar-serialize";

/** GET /api/v1/radar/rules/:id — any version, active or disabled. */
export async function getRule({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<RuleObject> {
  requirePermission(ctx, "radar:read");
  return serializeRule(await loadRule(await executor(ctx), ctx, id));
}
