/** Every event type Kassa emits (outbox rows, webhook deliveries). Add a type here when a verb starts emitting it. */
export const EVENT_TYPES = [
  "account.updated",
  "payment.created",
  "payment.processing",
  "payment.requires_action",
  "payment.amount_capturable_updated",
  "payment.succeeded",
  "payment.payment_failed",
  "payment.canceled",
  "refund.created",
  "refund.succeeded",
  "refund.failed",
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "payment_method.attached",
  "payment_method.detached",
  "setup_intent.succeeded",
  "setup_intent.setup_failed",
  "dispute.created",
  "dispute.updated",
  "dispute.closed",
  "review.opened",
  "review.closed",
  "escrow.held",
  "escrow.released",
  "escrow.disputed",
  "alert.opened",
  "alert.resolved",
  "webhook_endpoint.test",
  "checkout.session.created",
  "checkout.session.completed",
  "checkout.session.expired",
  "payment_link.created",
  "payment_link.updated",
  "product.created",
  "product.updated",
  "price.created",
  "price.updated",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "customer.subscription.trial_will_end",
  "invoice.created",
  "invoice.finalized",
  "invoice.paid",
  "invoice.payment_succeeded",
  "invoice.payment_failed",
  "invoice.upcoming",
  "invoice.voided",
  "invoice.marked_uncollectible",
  "account.external_account.created",
  "account.external_account.updated",
  "account.external_account.deleted",
  "payout.created",
  "payout.updated",
  "payout.paid",
  "payout.failed",
  "payout.canceled",
  "order.created",
  "order.succeeded",
  "order.failed",
  "order.compensated",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** `*`, an exact type, or a prefix wildcard such as `refund.*` that matches at least one known type. */
export function isEventFilter(filter: string): boolean {
  if (filter === "*") return true;
  if (filter.endsWith(".*")) {
    const prefix = filter.slice(0, -1);
    return EVENT_TYPES.some((t) => t.startsWith(prefix));
  }
  return (EVENT_TYPES as readonly string[]).includes(filter);
}

export function matchesEventFilter(filters: readonly string[], type: string): boolean {
  return filters.some((f) => f === "*" || f === type || (f.endsWith(".*") && type.startsWith(f.slice(0, -1))));
}
