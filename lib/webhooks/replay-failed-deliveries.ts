import { and, eq, gte, lte } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { requirePermission } from "@/lib/service/roles";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { dispatchDeliveries } from "./dispatch";
import { ReplayFailedInput } from "./inputs";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";

const MAX_REPLAY = 1000;

/** Every failed delivery of an endpoint created in [from, to] goes out again (same `webhook-id`s). */
export async function replayFailedDeliveries({ ctx, endpointId, input }: { ctx: ServiceContext; endpointId: string; input: unknown }) {
  requirePermission(ctx, "webhooks:write");
  const { from, to } = parseWith(ReplayFailedInput, input);
  if (to < from) throw new KassaError("parameter_invalid", "`to` must not be before `from`.", { param: "to" });
  const replayed = await withTransaction(ctx, async (tx) => {
    const endpoint = await loadWebhookEndpoint(tx, ctx, endpointId, { lock: true });
    if (endpoint.status !== "enabled") throw new KassaError("parameter_invalid", "Enable the endpoint before replaying its deliveries.", { param: "id" });
    const rows = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", completedAt: null })
      .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "failed"), gte(webhookDeliveries.createdAt, new Date(from * 1000)), lte(webhookDeliveries.createdAt, new Date(to * 1000))))
      .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
    if (rows.length > MAX_REPLAY) throw new KassaError("parameter_invalid", `That range holds ${rows.length} failed deliveries; replay at most ${MAX_REPLAY} at a time.`, { param: "from" });
    await writeAudit(tx, ctx, { action: "webhook_endpoint.replayed", targetType: "webhook_endpoint", targetId: endpointId, metadata: { from, to, deliveries: rows.length } });
    return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  });
  await dispatchDeliveries(replayed, `replay-${Date.now()}`);
  return { object: "list" as const, replayed: replayed.length };
}
