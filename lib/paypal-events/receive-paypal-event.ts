import { getDb } from "@/db/client";
import { paypalEvents } from "@/db/schema";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { commit, commitPlatform } from "@/lib/service/commit";
import { signalOutboxCommit } from "@/lib/service/outbox-signal";
import { ownerOf, paypalCtx } from "./context";
import { referencesOf, type PayPalWebhookEvent } from "./event";
import { PAYPAL_EVENT_HANDLERS } from "./handlers";
import { orderOfCapture } from "@/lib/gateways/paypal/capture-order";

export interface Received {
  received: true;
  /** Seen before (PayPal redelivers until it gets a 2xx): not recorded again, not handed on again. */
  duplicate: boolean;
  /** Recorded and answered 200, handed nowhere: a type Kassa does not act on, or no Kassa payment's. */
  ignored: boolean;
}

/**
 * The webhook route's verb, after PayPal verified the delivery: the event is recorded once (PayPal's
 * event id is the primary key) and, in the same commit, handed to the paypal-event workflow as an
 * internal outbox event of the payment's merchant — the relay sends it once that commit is out, its
 * sweep again if the engine was down. The merchant is the payment's its resource maps to (context.ts
 * `ownerOf`; a refund made in PayPal's dashboard, untagged, through the order PayPal reports for its capture).
 * An event Kassa does not handle, or that maps to no merchant (an order made outside Kassa), is recorded as processed and
 * acknowledged — PayPal stops redelivering — but handed nowhere: there is no merchant to act for.
 */
export async function receivePayPalEvent({ event, transmissionId }: { event: PayPalWebhookEvent; transmissionId: string }): Promise<Received> {
  const db = await getDb();
  let refs = referencesOf(event);
  const handled = Object.hasOwn(PAYPAL_EVENT_HANDLERS, event.event_type);
  let owner = await ownerOf(db, refs);
  if (!owner && handled && !refs.orderId && refs.captureId) {
    // A refund made in PayPal's dashboard carries no Kassa tag and names only its capture: PayPal says whose order that is.
    refs = { ...refs, orderId: await orderOfCapture(refs.captureId) };
    owner = await ownerOf(db, refs);
  }
  const row = {
    id: event.id,
    type: event.event_type,
    resourceType: event.resource_type ?? null,
    resourceId: refs.resourceId,
    orderId: refs.orderId,
    merchantId: owner?.merchantId ?? null,
    livemode: owner?.livemode ?? null,
    paymentId: owner?.paymentId ?? null,
    transmissionId,
    payload: event as Record<string, unknown>,
  };
  if (!owner || !handled) {
    const inserted = await commitPlatform(db, (tx) =>
      tx
        .insert(paypalEvents)
        .values({ ...row, processedAt: new Date(), outcome: handled ? "unknown_object" : "ignored" })
        .onConflictDoNothing({ target: paypalEvents.id })
        .returning({ id: paypalEvents.id }),
    );
    return { received: true, duplicate: inserted.length === 0, ignored: true };
  }
  const inserted = await commit(paypalCtx(owner), async (tx, changes) => {
    const [recorded] = await tx.insert(paypalEvents).values(row).onConflictDoNothing({ target: paypalEvents.id }).returning({ id: paypalEvents.id });
    if (!recorded) return false;
    declareInternalEvent(changes, INTERNAL_EVENTS.paypalEventReceived, {
      paypal_event: event.id,
      type: event.event_type,
      merchant: owner.merchantId,
      livemode: String(owner.livemode),
      payment: owner.paymentId,
    });
    return true;
  });
  // A redelivery nudges the relay: if the first hand-off failed, this one retries it now.
  if (!inserted) signalOutboxCommit();
  return { received: true, duplicate: !inserted, ignored: false };
}
