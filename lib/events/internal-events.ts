import { notLike } from "drizzle-orm";
import { events } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";

/**
 * Internal events: hand-offs to a workflow that travel the outbox, so they commit with the change that
 * asks for them and the relay sends them with the outbox id as event id (a resend of the row is dropped
 * by the engine; a new request is a new row, so a new id). They are not API events: never listed or
 * fetched through /api/v1/events, never on a payment's timeline, never fanned out to merchants'
 * endpoints as events of their own. An outbox row is internal when its type is the workflow event's own
 * name, which has a `/` — no API event type can have one (ListEventsInput's pattern) — and the relay
 * sends it under that name, not `kassa/<type>`.
 */
export const INTERNAL_EVENTS = {
  /** One webhook delivery to try now (lib/webhooks/dispatch.ts → inngest/functions/webhook-deliver.ts). */
  webhookDeliveryRequested: "webhooks/delivery.requested",
  /** A refund's processor answer was lost: its settle run asks the processor again within seconds (inngest/functions/settle-refund.ts). */
  refundSettleRequested: "refunds/settle.requested",
  /** A subscription's period began: its one run sleeps to the period's end and renews it (inngest/functions/subscription-period.ts). */
  subscriptionPeriod: "billing/subscription.period",
  /** A customer (or one of their subscriptions) has a new default card: a dunning run waiting on it retries at once. */
  paymentMethodUpdated: "billing/payment_method.updated",
  /** A UPI payment waits for the customer's app: its status-poll run starts (inngest/functions/upi-status-poll.ts). */
  upiPaymentStarted: "upi/payment.started",
  /** A UPI PSP's callback was recorded: the callback run applies it, and a waiting poll run ends early. */
  upiCallbackReceived: "upi/callback.received",
  /** An order was created: its saga run authorises, reserves, captures and confirms (inngest/functions/order-saga.ts). */
  orderStarted: "orders/order.started",
  /** A verified PayPal webhook event was recorded for a merchant's payment: the paypal-event run re-reads and applies it. */
  paypalEventReceived: "paypal/event.received",
  /** A crypto payment waits for its transfer: its watch run starts (inngest/functions/crypto-deposit-watch.ts). */
  cryptoPaymentStarted: "crypto/payment.started",
  /** An account Kassa sends from has a transaction to send: its sender run signs, broadcasts and follows it (inngest/functions/chain-tx-send.ts). */
  chainTransactionQueued: "chain/transaction.queued",
  /** A crypto payment's tokens are in the escrow contract: its watch run releases them at the timelock or follows a dispute (inngest/functions/crypto-escrow-watch.ts). */
  cryptoEscrowHeld: "crypto/escrow.held",
} as const;
export type InternalEventName = (typeof INTERNAL_EVENTS)[keyof typeof INTERNAL_EVENTS];

export const isInternalEvent = (type: string): boolean => type.includes("/");

/** The filter that keeps internal events out of what merchants see. */
export const apiEventsOnly = () => notLike(events.type, "%/%");

/**
 * Declares an internal event in the verb's commit; `data` is exactly what the workflow gets as
 * `event.data`. Returns the outbox id, which is the event's id at the engine.
 */
export function declareInternalEvent(changes: Changes, name: InternalEventName, data: Record<string, string> & { id?: never }): string {
  // No `id` in data: these are no object's events, so nothing should ever find them by `data.object.id`.
  return changes.event(name, data);
}

/**
 * Declares a workflow run's trigger again (a re-run on Inngest, lib/workflows/rerun-workflow-run.ts):
 * the original event's own name (`kassa/payment.succeeded`) with its data as the workflow gets it, so
 * the engine starts every function that event triggers. Internal by its name, so it is never an API
 * event; whether the webhook fan-out runs again is the data's own `webhooks` flag, which the caller sets.
 * Returns the outbox id, the new event's id at the engine.
 */
export function declareRerunEvent(changes: Changes, trigger: { name: string; data: Record<string, unknown> }): string {
  if (!isInternalEvent(trigger.name)) throw new Error(`A re-run's trigger must be a workflow event name, not '${trigger.name}'`);
  return changes.event(trigger.name, trigger.data);
}
