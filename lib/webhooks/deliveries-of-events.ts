import { and, eq, inArray } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema";
import { can } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";

export interface EventDelivery {
  id: string;
  endpoint: string;
  status: "pending" | "succeeded" | "failed";
}

/** The webhook deliveries of some events (the events page's per-event view), by event id. */
export async function deliveriesOfEvents({ ctx, eventIds }: { ctx: ServiceContext; eventIds: string[] }): Promise<Record<string, EventDelivery[]>> {
  if (eventIds.length === 0 || (ctx.actor.type === "user" && !can(ctx.role, "webhooks:read"))) return {};
  const db = await executor(ctx);
  const rows = await db
    .select({ id: webhookDeliveries.id, endpoint: webhookDeliveries.endpointId, status: webhookDeliveries.status, eventId: webhookDeliveries.eventId })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.merchantId, ctx.merchantId), eq(webhookDeliveries.livemode, ctx.livemode), inArray(webhookDeliveries.eventId, eventIds)));
  const out: Record<string, EventDelivery[]> = {};
  for (const r of rows) (out[r.eventId] ??= []).push({ id: r.id, endpoint: r.endpoint, status: r.status });
  return out;
}
