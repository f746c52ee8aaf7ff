import { eq } from "drizzle-orm";
import { webhookEndpoints } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";

/** DELETE /api/v1/webhook_endpoints/:id — stops deliveries; the delivery log is kept. */
export async function deleteWebhookEndpoint({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "webhooks:write");
  return commit(
    ctx,
    async (tx, changes) => {
      await loadWebhookEndpoint(tx, ctx, id, { lock: true });
      await tx.update(webhookEndpoints).set({ deletedAt: new Date(), status: "disabled", disabledReason: "manual" }).where(eq(webhookEndpoints.id, id));
      changes.audit({ action: "webhook_endpoint.deleted", targetType: "webhook_endpoint", targetId: id });
      return { id, object: "webhook_endpoint" as const, deleted: true as const };
    },
    { respond: (deleted) => deleted },
  );
}
