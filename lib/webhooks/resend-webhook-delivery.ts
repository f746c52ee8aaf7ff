import { and, eq } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { dispatchDeliveries } from "./dispatch";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";
import { serializeWebhookDelivery } from "./serialize-webhook-delivery";

/**
 * POST /api/v1/webhook_deliveries/:id/resend — the same delivery (same `webhook-id`) on a fresh schedule:
 * a new run, handed off in the commit that re-opens it (with the answer, so a retry of this request
 * replays it instead of resending again).
 */
export async function resendWebhookDelivery({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "webhooks:write");
  const delivery = await commit(
    ctx,
    async (tx, changes) => {
      const [row] = await tx
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.merchantId, ctx.merchantId), eq(webhookDeliveries.livemode, ctx.livemode)))
        .for("update");
      if (!row) throw new KassaError("resource_missing", `No such webhook delivery: '${id}'`, { param: "id" });
      const endpoint = await loadWebhookEndpoint(tx, ctx, row.endpointId);
      if (endpoint.status !== "enabled")
        throw new KassaError("parameter_invalid", "This delivery's endpoint is disabled; enable it before resending.", { param: "id" });
      const [updated] = await tx.update(webhookDeliveries).set({ status: "pending", completedAt: null }).where(eq(webhookDeliveries.id, id)).returning();
      changes.audit({ action: "webhook_delivery.resent", targetType: "webhook_delivery", targetId: id, metadata: { event: row.eventId } });
      dispatchDeliveries(changes, [updated!]);
      return updated!;
    },
    { respond: (row) => serializeWebhookDelivery(row) },
  );
  return serializeWebhookDelivery(delivery);
}
