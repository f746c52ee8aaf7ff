import { and, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { STRIPE_EVENT_HANDLERS } from "./handlers";

/** Hands one recorded Stripe event to the workflow engine (event id = Stripe's, so resends dedupe). */
export type StripeEventDispatcher = (event: { stripeEventId: string; type: string }) => Promise<void>;

export const dispatchToInngest: StripeEventDispatcher = async ({ stripeEventId, type }) => {
  const { inngest } = await import("@/inngest/client");
  await inngest.send({ id: `stripe-${stripeEventId}`, name: "stripe/event.received", data: { stripe_event_id: stripeEventId, type } });
};

export interface Received {
  received: true;
  /** Seen before (Stripe retries and duplicates): not handed on again. */
  duplicate: boolean;
  /** Not a type Kassa handles: recorded and answered 200, nothing else. */
  ignored: boolean;
}

/**
 * The webhook route's verb, after the signature was verified: record the event id (unique), then hand
 * it to the workflow engine — exactly one delivery claims that. If the engine cannot take it, the claim
 * is released and the route answers 503, so Stripe delivers again and that delivery hands it on.
 */
export async function receiveStripeEvent({ event, dispatch = dispatchToInngest }: { event: Stripe.Event; dispatch?: StripeEventDispatcher }): Promise<Received> {
  const db = await getDb();
  const handled = Object.hasOwn(STRIPE_EVENT_HANDLERS, event.type);
  const now = new Date();
  const [inserted] = await db
    .insert(stripeEvents)
    .values({
      id: event.id,
      type: event.type,
      livemode: event.livemode ? "true" : "false",
      payload: event as unknown as Record<string, unknown>,
      ...(handled ? {} : { processedAt: now, outcome: "ignored" }),
    })
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning({ id: stripeEvents.id });
  if (!handled) return { received: true, duplicate: !inserted, ignored: true };
  const [claimed] = await db
    .update(stripeEvents)
    .set({ dispatchedAt: now })
    .where(and(eq(stripeEvents.id, event.id), isNull(stripeEvents.dispatchedAt), isNull(stripeEvents.processedAt)))
    .returning({ id: stripeEvents.id });
  if (!claimed) return { received: true, duplicate: true, ignored: false };
  try {
    await dispatch({ stripeEventId: event.id, type: event.type });
  } catch (error) {
    await db.update(stripeEvents).set({ dispatchedAt: null }).where(eq(stripeEvents.id, event.id));
    throw new KassaError("service_unavailable", "The workflow engine did not take the event; Stripe will deliver it again.", { cause: error });
  }
  return { received: true, duplicate: !inserted, ignored: false };
}
