import { and, eq } from "drizzle-orm";
import { fraudRules } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { ListRulesQuery } from "./radar-inputs";
import { serializeRule } from "./radar-serialize";

/** GET /api/v1/radar/rules — newest first, cursor pages; `status=active|disabled` filters (every version otherwise). */
export async function listRules({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "radar:read");
  const q = parseWith(ListRulesQuery, input ?? {});
  return paginate({
    db: await executor(ctx),
    table: fraudRules,
    id: fraudRules.id,
    where: and(eq(fraudRules.merchantId, ctx.merchantId), eq(fraudRules.livemode, ctx.livemode), q.status ? eq(fraudRules.status, q.status) : undefined),
    params: q,
    url,
    serialize: serializeRule,
  });
}
