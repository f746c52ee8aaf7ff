import { and, eq, isNull } from "drizzle-orm";
import { webhookEndpoints } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListWebhookEndpointsQuery } from "./inputs";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";
import { serializeWebhookEndpoint } from "./serialize-webhook-endpoint";

/** GET /api/v1/webhook_endpoints */
export async function listWebhookEndpoints({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "webhooks:read");
  const q = parseWith(ListWebhookEndpointsQuery, input);
  return paginate({
    db: await executor(ctx),
    table: webhookEndpoints,
    id: webhookEndpoints.id,
    where: and(eq(webhookEndpoints.merchantId, ctx.merchantId), eq(webhookEndpoints.livemode, ctx.livemode), isNull(webhookEndpoints.deletedAt)),
    params: q,
    url,
    serialize: (row: typeof webhookEndpoints.$inferSelect) => serializeWebhookEndpoint(row),
  });
}

/** GET /api/v1/webhook_endpoints/:id */
export async function getWebhookEndpoint({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "webhooks:read");
  return serializeWebhookEndpoint(await loadWebhookEndpoint(await executor(ctx), ctx, id));
}
