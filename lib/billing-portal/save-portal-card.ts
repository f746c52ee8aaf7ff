import { and, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { setupIntents, subscriptions, type SubscriptionStatus } from "@/db/schema";
import { applySetupResult, createSetupIntent } from "@/lib/customers/create-setup-intent";
import { callProcessor, connectorCtx } from "@/lib/customers/processor";
import { updateCustomer } from "@/lib/customers/update-customer";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";
import { openPortalSession, portalContext, type OpenPortal } from "./find-portal-session";

/** Where the card came from: the sandbox card form (a test token it made) or Stripe.js (a pm_… Stripe made in the browser). */
export type PortalCardSource = { form: "sandbox"; paymentMethod: string } | { form: "stripe"; paymentMethod: string };

export type PortalCardResult = { status: "saved"; paymentMethod: string } | { status: "requires_action"; clientSecret: string };

/** A subscription whose own default card would still be charged instead of the customer's new one. */
const LIVE: SubscriptionStatus[] = ["trialing", "active", "past_due", "unpaid", "incomplete", "paused"];
const STRIPE_PM = /^pm_[A-Za-z0-9_]{1,250}$/;
const METADATA_KEY = "billing_portal_session";

/**
 * The portal's "Update card": the card is saved through the same setup as POST /api/v1/setup_intents (the
 * processor checks it, a decline is the card's error), attached to the session's customer, then made their
 * invoice_settings.default_payment_method through updateCustomer — which tells a waiting dunning run to try
 * it at once. A subscription that has a default card of its own gets the new one too, so the next charge
 * uses what the customer just gave. Which form may be used follows the customer's processor, never the page.
 */
export async function savePortalCard({ token, card, now }: { token: unknown; card: PortalCardSource; now?: Date }): Promise<PortalCardResult> {
  const portal = await openPortalSession({ token, ...(now ? { now } : {}) });
  const connector = portal.customer.connector;
  if ((card.form === "sandbox") !== (connector === "sandbox") || (card.form === "stripe" && !STRIPE_PM.test(card.paymentMethod))) {
    throw new KassaError("parameter_invalid", "This card form does not match how this business takes cards. Reload the page and try again.", {
      param: "payment_method",
    });
  }
  const ctx = portalContext(portal.session);
  const setup = await createSetupIntent({
    ctx,
    input: { customer: portal.session.customer, payment_method: card.paymentMethod, usage: "off_session", metadata: { [METADATA_KEY]: portal.session.id } },
  });
  if (setup.status === "requires_action" && setup.client_secret) return { status: "requires_action", clientSecret: setup.client_secret };
  if (setup.status !== "succeeded" || !setup.payment_method) {
    throw new KassaError("card_declined", "Your card could not be saved. Try another card.", { param: "payment_method" });
  }
  await makeDefault(ctx, portal, setup.payment_method);
  return { status: "saved", paymentMethod: setup.payment_method };
}

/**
 * After Stripe.js ran the bank's challenge (3D Secure) for the portal's latest setup: Kassa asks Stripe what
 * became of it, records the card, and makes it the default. Only a setup this very session started is looked at.
 */
export async function refreshPortalCard({ token, now }: { token: unknown; now?: Date }): Promise<PortalCardResult | { status: "failed" }> {
  const portal = await openPortalSession({ token, ...(now ? { now } : {}) });
  const ctx = portalContext(portal.session);
  const db = await getDb();
  const [setup] = await db
    .select()
    .from(setupIntents)
    .where(
      and(
        eq(setupIntents.merchantId, portal.session.merchantId),
        eq(setupIntents.livemode, portal.session.livemode),
        eq(setupIntents.customer, portal.session.customer),
        sql`${setupIntents.metadata}->>${METADATA_KEY} = ${portal.session.id}`,
        isNotNull(setupIntents.processorId),
      ),
    )
    .orderBy(desc(setupIntents.id))
    .limit(1);
  if (!setup) throw new KassaError("resource_missing", "There is no card being saved on this page.", { param: "payment_method" });
  let row = setup;
  if (setup.status === "requires_action") {
    const result = await callProcessor(setup.connector, (c) => c.retrieveSetup(connectorCtx(ctx), { processorId: setup.processorId! }));
    if (result) row = (await applySetupResult(ctx, setup.id, result)).row;
  }
  if (row.status !== "succeeded" || !row.paymentMethod) return { status: "failed" };
  await makeDefault(ctx, portal, row.paymentMethod);
  return { status: "saved", paymentMethod: row.paymentMethod };
}

async function makeDefault(ctx: ServiceContext, portal: OpenPortal, paymentMethod: string): Promise<void> {
  const customer = portal.session.customer;
  await updateCustomer({ ctx, id: customer, input: { invoice_settings: { default_payment_method: paymentMethod } } });
  const db = await getDb();
  const own = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.merchantId, ctx.merchantId),
        eq(subscriptions.livemode, ctx.livemode),
        eq(subscriptions.customer, customer),
        inArray(subscriptions.status, LIVE),
        isNotNull(subscriptions.defaultPaymentMethod),
        ne(subscriptions.defaultPaymentMethod, paymentMethod),
      ),
    );
  for (const { id } of own) await updateSubscription({ ctx, id, input: { default_payment_method: paymentMethod } });
}
