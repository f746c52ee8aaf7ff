import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { deliveryContext, disableEndpoint, FAILING_DISABLE_AFTER_MS } from "./attempt-delivery";

/** After the last scheduled try: the delivery is failed; an endpoint failing for 5 days is disabled. */
export async function giveUpDelivery({ db, deliveryId, now = new Date() }: { db: Executor; deliveryId: string; now?: Date }) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row || row.delivery.status !== "pending") return { status: row?.delivery.status ?? "missing", endpointDisabled: false };
  const since = row.endpoint.failingSince;
  const failingTooLong = since !== null && now.getTime() - since.getTime() >= FAILING_DISABLE_AFTER_MS;
  return commit(deliveryContext(db, row.delivery), async (tx, changes) => {
    await tx.update(webhookDeliveries).set({ status: "failed", completedAt: now, nextAttemptAt: null }).where(eq(webhookDeliveries.id, deliveryId));
    if (failingTooLong) await disableEndpoint(tx, changes, row.endpoint, "failing");
    return { status: "failed" as const, endpointDisabled: failingTooLong };
  });
}
