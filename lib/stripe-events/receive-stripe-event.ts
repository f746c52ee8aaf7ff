import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { signalOutboxCommit } from "@/lib/service/outbox-signal";
import { STRIPE_EVENT_HANDLERS } from "./handlers";

export interface Received {
  received: true;
  /** Seen before (Stripe retries and duplicates): not recorded again. */
  duplicate: boolean;
  /** Not a type Kassa handles: recorded and answered 200, nothing else. */
  ignored: boolean;
}

/**
 * The webhook route's verb, after the signature was verified: record the event id (unique). The row is
 * also the hand-off to the workflow engine — the outbox relay sends it as `stripe/event.received`
 * (publish-stripe-events.ts) once it is committed, and its sweep again if the engine was down — so
 * nothing is lost between the answer to Stripe and the workflow. Platform-level: Stripe's account is
 * Kassa's, so the row has no merchant, and it commits alone, in one statement.
 */
export async function receiveStripeEvent({ event }: { event: Stripe.Event }): Promise<Received> {
  const db = await getDb();
  const handled = Object.hasOwn(STRIPE_EVENT_HANDLERS, event.type);
  const [inserted] = await db
    .insert(stripeEvents)
    .values({
      id: event.id,
      type: event.type,
      livemode: event.livemode ? "true" : "false",
      payload: event as unknown as Record<string, unknown>,
      ...(handled ? {} : { processedAt: new Date(), outcome: "ignored" }),
    })
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning({ id: stripeEvents.id });
  // A redelivery nudges the relay too: if an earlier hand-off failed, this one retries it now.
  if (handled) signalOutboxCommit();
  return { received: true, duplicate: !inserted, ignored: !handled };
}
