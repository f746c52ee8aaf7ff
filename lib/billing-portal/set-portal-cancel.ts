import { getDb } from "@/db/client";
import { getBillingSettings } from "@/lib/billing/settings";
import { KassaError } from "@/lib/service/errors";
import type { SubscriptionStatus } from "@/db/schema";
import { loadSubscription, noSuchSubscription, subscriptionUnexpectedState } from "@/lib/subscriptions/load";
import type { SubscriptionObject } from "@/lib/subscriptions/serialize";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";
import { openPortalSession, portalContext } from "./find-portal-session";

/** Where cancel at period end (and its undo) means something: a subscription that will renew. */
export const PORTAL_CANCELABLE: ReadonlySet<SubscriptionStatus> = new Set(["trialing", "active", "past_due"]);

/**
 * The portal's "Cancel at period end" (`cancel: true`) and its undo (`false`), through updateSubscription
 * with the portal as the actor. The subscription id comes from the page, so it is checked against the
 * session: another customer's, merchant's or mode's subscription is "not found" and nothing changes.
 * Cancelling needs the merchant's billing_settings.portal_cancel; undoing a cancellation never does (it
 * only keeps the customer on the terms they had).
 */
export async function setPortalCancel({
  token,
  subscription,
  cancel,
  now,
}: {
  token: unknown;
  subscription: unknown;
  cancel: boolean;
  now?: Date;
}): Promise<SubscriptionObject> {
  const portal = await openPortalSession({ token, ...(now ? { now } : {}) });
  const ctx = portalContext(portal.session);
  const db = await getDb();
  if (typeof subscription !== "string") throw noSuchSubscription(String(subscription), "subscription");
  const sub = await loadSubscription(db, ctx, subscription, { param: "subscription" });
  if (sub.customer !== portal.session.customer) throw noSuchSubscription(subscription, "subscription");
  if (!PORTAL_CANCELABLE.has(sub.status)) throw subscriptionUnexpectedState(sub, "cancel or keep a subscription that renews.");
  if (cancel && !(await getBillingSettings(db, ctx.merchantId)).portalCancel) {
    throw new KassaError("permission_denied", `${portal.businessName} does not let subscriptions be cancelled here. Contact them to cancel.`);
  }
  return updateSubscription({ ctx, id: sub.id, input: { cancel_at_period_end: cancel } });
}
