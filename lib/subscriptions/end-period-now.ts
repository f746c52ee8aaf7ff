import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { itemsOf, loadSubscription, subscriptionUnexpectedState } from "./load";
import { declarePeriodRun } from "./period-run";
import { serializeSubscription, type SubscriptionObject } from "./serialize";
import { setSubscription } from "./set-subscription";

/**
 * POST /api/v1/test_helpers/subscriptions/:id/end_period — test mode only: the current period (or trial)
 * ends now, so its run renews it at once — invoice, charge, dunning — without waiting a month (Stripe's test
 * clocks serve the same need). The billing cycle restarts from now.
 */
export async function endPeriodNow({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SubscriptionObject> {
  requirePermission(ctx, "subscriptions:write");
  if (ctx.livemode) throw new KassaError("permission_denied", "Test helpers work in test mode only.");
  return commit(
    ctx,
    async (tx, changes) => {
      const sub = await loadSubscription(tx, ctx, id, { lock: true });
      if (!["active", "trialing", "past_due", "unpaid"].includes(sub.status))
        throw subscriptionUnexpectedState(sub, "end the period of an active, trialing, past_due or unpaid subscription.");
      const now = new Date();
      const after = await setSubscription(tx, changes, sub, {
        currentPeriodEnd: now,
        billingCycleAnchor: now,
        ...(sub.status === "trialing" ? { trialEnd: now } : {}),
      });
      declarePeriodRun(changes, after);
      changes.audit({ action: "subscription.test_period_ended", targetType: "subscription", targetId: sub.id });
      return serializeSubscription(after, await itemsOf(tx, sub.id));
    },
    { respond: (o) => o },
  );
}
