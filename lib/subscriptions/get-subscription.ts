import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { itemsOf, loadSubscription } from "./load";
import { serializeSubscription, type SubscriptionObject } from "./serialize";

/** GET /api/v1/subscriptions/:id */
export async function getSubscription({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SubscriptionObject> {
  requirePermission(ctx, "subscriptions:read");
  const db = await executor(ctx);
  const sub = await loadSubscription(db, ctx, id);
  return serializeSubscription(sub, await itemsOf(db, sub.id));
}
