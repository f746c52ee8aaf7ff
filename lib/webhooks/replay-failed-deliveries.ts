import { and, eq, gte, lte } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { dispatchDeliveries } from "./dispatch";
import { ReplayFailedInput } from "./inputs";
import { loadWebhookEndpoint } from "./load-webhook-endpoint";

const MAX_REPLAY = 1000;

/**
 * Every failed delivery of an endpoint created in [from, to] goes out again (same `webhook-id`s), each
 * handed off in the commit that re-opens it; the answer is stored with it, so a retry does not replay twice.
 */
export async function replayFailedDeliveries({ ctx, endpointId, input }: { ctx: ServiceContext; endpointId: string; input: unknown }) {
  requirePermission(ctx, "webhooks:write");
  const { from, to } = parseWith(ReplayFailedInput, input);
  if (to < from) throw new KassaError("parameter_invalid", "`to` must not be before `from`.", { param: "to" });
  const replayed = await commit(
    ctx,
    async (tx, changes) => {
      const endpoint = await loadWebhookEndpoint(tx, ctx, endpointId, { lock: true });
      if (endpoint.status !== "enabled") throw new KassaError("parameter_invalid", "Enable the endpoint before replaying its deliveries.", { param: "id" });
      const rows = await tx
        .update(webhookDeliveries)
        .set({ status: "pending", completedAt: null })
        .where(
          and(
            eq(webhookDeliveries.endpointId, endpointId),
            eq(webhookDeliveries.status, "failed"),
            gte(webhookDeliveries.createdAt, new Date(from * 1000)),
            lte(webhookDeliveries.createdAt, new Date(to * 1000)),
          ),
        )
        .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
      if (rows.length > MAX_REPLAY)
        throw new KassaError("parameter_invalid", `That range holds ${rows.length} failed deliveries; replay at most ${MAX_REPLAY} at a time.`, {
          param: "from",
        });
      changes.audit({
        action: "webhook_endpoint.replayed",
        targetType: "webhook_endpoint",
        targetId: endpointId,
        metadata: { from, to, deliveries: rows.length },
      });
      dispatchDeliveries(
        changes,
        rows.sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      return rows.length;
    },
    { respond: (count) => answer(count) },
  );
  return answer(replayed);
}

const answer = (replayed: number) => ({ object: "list" as const, replayed });
