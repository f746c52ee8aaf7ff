import { webhookEndpoints } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { CreateWebhookEndpointInput } from "./inputs";
import { newSigningSecret, sealSecret } from "./secrets";
import { serializeWebhookEndpoint, type WebhookEndpointObject } from "./serialize-webhook-endpoint";
import { checkWebhookUrlAtRegistration } from "./safe-fetch";

/** POST /api/v1/webhook_endpoints — the signing secret is in this response (and on demand later). */
export async function createWebhookEndpoint({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<WebhookEndpointObject> {
  requirePermission(ctx, "webhooks:write");
  const data = parseWith(CreateWebhookEndpointInput, input);
  const url = await checkWebhookUrlAtRegistration(data.url, { livemode: ctx.livemode });
  const secret = newSigningSecret();
  // The answer (with the secret) is stored in the same commit: a retry after a crash replays this endpoint.
  return commit(
    ctx,
    async (tx, changes) => {
      const [row] = await tx
        .insert(webhookEndpoints)
        .values({
          id: newId("webhookEndpoint"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          url: url.href,
          description: data.description ?? null,
          enabledEvents: [...new Set(data.enabled_events)],
          status: data.disabled ? "disabled" : "enabled",
          disabledReason: data.disabled ? "manual" : null,
          ...sealSecret(secret),
        })
        .returning();
      changes.audit({
        action: "webhook_endpoint.created",
        targetType: "webhook_endpoint",
        targetId: row!.id,
        metadata: { url: row!.url, enabled_events: row!.enabledEvents },
      });
      return serializeWebhookEndpoint(row!, secret);
    },
    { respond: (endpoint) => endpoint },
  );
}
