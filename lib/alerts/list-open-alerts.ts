import { and, asc, eq, isNull } from "drizzle-orm";
import { alerts } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { serializeAlert, type AlertObject } from "./serialize-alert";

/** The context's open alerts (at most one per kind), oldest first: what the dashboard's banner shows. Every role reads them. */
export async function listOpenAlerts({ ctx }: { ctx: ServiceContext }): Promise<AlertObject[]> {
  requirePermission(ctx, "account:read");
  const db = await executor(ctx);
  const rows = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.merchantId, ctx.merchantId), eq(alerts.livemode, ctx.livemode), isNull(alerts.resolvedAt)))
    .orderBy(asc(alerts.openedAt));
  return rows.map(serializeAlert);
}
