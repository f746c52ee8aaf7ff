import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { itemsOf, loadSubscription, subscriptionUnexpectedState } from "./load";
import { serializeSubscription, type SubscriptionObject } from "./serialize";
import { setSubscription } from "./set-subscription";

/**
 * POST /api/v1/subscriptions/:id/pause — stops billing: the period's run renews nothing while it is
 * `paused`. Resuming starts a fresh period at that moment (resumeSubscription).
 */
export async function pauseSubscription({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SubscriptionObject> {
  requirePermission(ctx, "subscriptions:write");
  return commit(
    ctx,
    async (tx, changes) => {
      const sub = await loadSubscription(tx, ctx, id, { lock: true });
      if (!["active", "trialing", "past_due"].includes(sub.status))
        throw subscriptionUnexpectedState(sub, "pause an active, trialing or past_due subscription.");
      const after = await setSubscription(tx, changes, sub, { status: "paused", pausedAt: new Date(), statusReason: null });
      changes.audit({ action: "subscription.paused", targetType: "subscription", targetId: sub.id });
      return serializeSubscription(after, await itemsOf(tx, sub.id));
    },
    { respond: (o) => o },
  );
}
