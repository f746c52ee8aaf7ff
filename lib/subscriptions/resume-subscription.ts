import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { itemsOf, loadSubscription, subscriptionUnexpectedState } from "./load";
import { declarePeriodRun } from "./period-run";
import { serializeSubscription, type SubscriptionObject } from "./serialize";
import { setSubscription } from "./set-subscription";

/**
 * POST /api/v1/subscriptions/:id/resume — a paused subscription is active again and its billing cycle
 * restarts now (Stripe's billing_cycle_anchor: now): the period's run renews it at once, invoicing and
 * charging a whole new period, with the usual retries if the charge fails.
 */
export async function resumeSubscription({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SubscriptionObject> {
  requirePermission(ctx, "subscriptions:write");
  return commit(
    ctx,
    async (tx, changes) => {
      const sub = await loadSubscription(tx, ctx, id, { lock: true });
      if (sub.status !== "paused") throw subscriptionUnexpectedState(sub, "resume a paused subscription.");
      const now = new Date();
      const after = await setSubscription(tx, changes, sub, {
        status: "active",
        pausedAt: null,
        billingCycleAnchor: now,
        currentPeriodEnd: now,
        trialEnd: null,
      });
      declarePeriodRun(changes, after);
      changes.audit({ action: "subscription.resumed", targetType: "subscription", targetId: sub.id });
      return serializeSubscription(after, await itemsOf(tx, sub.id));
    },
    { respond: (o) => o },
  );
}
