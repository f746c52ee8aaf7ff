import { eventType } from "inngest";
import { inngest, kassaEvent } from "../client";
import { systemActor } from "@/lib/service/context";
import { expireCheckoutSession } from "@/lib/checkout/expire-checkout-session";

const created = eventType("kassa/checkout.session.created", { schema: kassaEvent });

/**
 * A checkout session's clock: sleeps until its expires_at (24 h after creation), then closes it if
 * nobody paid (checkout.session.expired). A session paid meanwhile is left as it is.
 */
export const checkoutSessionExpiryFn = inngest.createFunction({ id: "checkout-session-expiry", triggers: [created], retries: 5 }, async ({ event, step }) => {
  const object = event.data.data.object as { id: string; expires_at: number };
  await step.sleepUntil("until-expiry", new Date(object.expires_at * 1000));
  const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("checkout-session-expiry") };
  return step.run("expire", () => expireCheckoutSession({ ctx, id: object.id }));
});
