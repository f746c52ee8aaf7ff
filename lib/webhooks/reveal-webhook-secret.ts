import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";
import { currentSecret } from "./secrets";

/** The signing secret on demand (owners, admins, developers); every reveal is audited. */
export async function revealWebhookSecret({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<{ secret: string }> {
  requirePermission(ctx, "webhooks:write");
  return commit(ctx, async (tx, changes) => {
    const endpoint = await loadWebhookEndpoint(tx, ctx, id);
    changes.audit({ action: "webhook_endpoint.secret_revealed", targetType: "webhook_endpoint", targetId: id });
    return { secret: currentSecret(endpoint) };
  });
}
