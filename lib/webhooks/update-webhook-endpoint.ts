import { eq } from "drizzle-orm";
import { webhookEndpoints } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { UpdateWebhookEndpointInput } from "./inputs";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";
import { serializeWebhookEndpoint, type WebhookEndpointObject } from "./serialize-webhook-endpoint";
import { checkWebhookUrlAtRegistration } from "./safe-fetch";

/** PATCH /api/v1/webhook_endpoints/:id — url, events, description; `disabled` turns it off or back on. */
export async function updateWebhookEndpoint({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<WebhookEndpointObject> {
  requirePermission(ctx, "webhooks:write");
  const data = parseWith(UpdateWebhookEndpointInput, input);
  const url = data.url !== undefined ? (await checkWebhookUrlAtRegistration(data.url, { livemode: ctx.livemode })).href : undefined;
  return commit(
    ctx,
    async (tx, changes) => {
      const before = await loadWebhookEndpoint(tx, ctx, id, { lock: true });
      const set: Partial<typeof webhookEndpoints.$inferInsert> = {};
      if (url !== undefined) set.url = url;
      if (data.enabled_events) set.enabledEvents = [...new Set(data.enabled_events)];
      if (data.description !== undefined) set.description = data.description;
      if (data.disabled === true && before.status === "enabled") Object.assign(set, { status: "disabled", disabledReason: "manual" });
      // Turning it back on starts a fresh failure window.
      if (data.disabled === false && before.status === "disabled") Object.assign(set, { status: "enabled", disabledReason: null, failingSince: null });
      if (Object.keys(set).length === 0) return serializeWebhookEndpoint(before);
      const [row] = await tx.update(webhookEndpoints).set(set).where(eq(webhookEndpoints.id, id)).returning();
      changes.audit({ action: "webhook_endpoint.updated", targetType: "webhook_endpoint", targetId: id, metadata: { changed: Object.keys(set) } });
      return serializeWebhookEndpoint(row!);
    },
    { respond: (endpoint) => endpoint },
  );
}
