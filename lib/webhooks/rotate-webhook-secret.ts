import { eq } from "drizzle-orm";
import { webhookEndpoints } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";
import { newSigningSecret, ROTATION_OVERLAP_MS, sealSecret } from "./secrets";
import { serializeWebhookEndpoint, type WebhookEndpointObject } from "./serialize-webhook-endpoint";

/** POST /api/v1/webhook_endpoints/:id/rotate_secret — a new secret; the old one keeps signing for 24 h. */
export async function rotateWebhookSecret({ ctx, id, now = new Date() }: { ctx: ServiceContext; id: string; now?: Date }): Promise<WebhookEndpointObject> {
  requirePermission(ctx, "webhooks:write");
  const secret = newSigningSecret();
  // The answer carries the new secret; stored in the same commit, a retry replays it rather than rotating again.
  return commit(
    ctx,
    async (tx, changes) => {
      const before = await loadWebhookEndpoint(tx, ctx, id, { lock: true });
      const [row] = await tx
        .update(webhookEndpoints)
        .set({
          ...sealSecret(secret),
          previousSecretCiphertext: before.secretCiphertext,
          previousSecretKeyId: before.secretKeyId,
          previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
        })
        .where(eq(webhookEndpoints.id, id))
        .returning();
      changes.audit({ action: "webhook_endpoint.secret_rotated", targetType: "webhook_endpoint", targetId: id });
      return serializeWebhookEndpoint(row!, secret);
    },
    { respond: (endpoint) => endpoint },
  );
}
