import { commit } from "@/lib/service/commit";
import { type ServiceContext } from "@/lib/service/context";
import { itemsOf, loadSubscription } from "./load";
import { serializeSubscription } from "./serialize";

/** Three days before a trial ends: `customer.subscription.trial_will_end` (merchants email or remind from it). */
export async function notifyTrialWillEnd({
  ctx,
  subscriptionId,
  trialEnd,
}: {
  ctx: ServiceContext;
  subscriptionId: string;
  trialEnd: Date;
}): Promise<{ sent: boolean }> {
  return commit(ctx, async (tx, changes) => {
    const sub = await loadSubscription(tx, ctx, subscriptionId, { lock: true });
    if (sub.status !== "trialing" || sub.trialEnd?.getTime() !== trialEnd.getTime()) return { sent: false };
    changes.event("customer.subscription.trial_will_end", serializeSubscription(sub, await itemsOf(tx, sub.id)));
    return { sent: true };
  });
}
