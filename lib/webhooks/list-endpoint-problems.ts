import { and, eq, inArray, isNull } from "drizzle-orm";
import { webhookEndpoints } from "@/db/schema";
import { can } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";

/** Endpoints Kassa turned off (410, or failing for 5 days): the dashboard's banner. */
export async function listEndpointProblems({ ctx }: { ctx: ServiceContext }) {
  if (ctx.actor.type === "user" && !can(ctx.role, "webhooks:read")) return [];
  const db = await executor(ctx);
  return db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, reason: webhookEndpoints.disabledReason })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.merchantId, ctx.merchantId),
        eq(webhookEndpoints.livemode, ctx.livemode),
        eq(webhookEndpoints.status, "disabled"),
        inArray(webhookEndpoints.disabledReason, ["gone", "failing"]),
        isNull(webhookEndpoints.deletedAt),
      ),
    );
}
