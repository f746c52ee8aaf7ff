import { eq } from "drizzle-orm";
import { webhookEndpoints } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { requirePermission } from "@/lib/service/roles";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";

/** DELETE /api/v1/webhook_endpoints/:id — stops deliveries; the delivery log is kept. */
export async function deleteWebhookEndpoint({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "webhooks:write");
  return withTransaction(ctx, async (tx) => {
    await loadWebhookEndpoint(tx, ctx, id, { lock: true });
    await tx.update(webhookEndpoints).set({ deletedAt: new Date(), status: "disabled", disabledReason: "manual" }).where(eq(webhookEndpoints.id, id));
    await writeAudit(tx, ctx, { action: "webhook_endpoint.deleted", targetType: "webhook_endpoint", targetId: id });
    return { id, object: "webhook_endpoint" as const, deleted: true as const };
  });
}
