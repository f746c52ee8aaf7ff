// Which object an event's `data.object` is, by the event type's prefix (lib/events/event-types.ts).
import type { EventType } from "@/lib/events/event-types";
import type { ObjectName } from "./objects";

/** Longest prefix first: customer.subscription.* before customer.*, account.external_account.* before account.*. */
const BY_PREFIX: [string, ObjectName][] = [
  ["account.external_account.", "BankAccount"],
  ["account.", "Account"],
  ["customer.subscription.", "Subscription"],
  ["customer.", "Customer"],
  ["payment_method.", "PaymentMethod"],
  ["payment_link.", "PaymentLink"],
  ["payment.", "Payment"],
  ["refund.", "Refund"],
  ["setup_intent.", "SetupIntent"],
  ["dispute.", "Dispute"],
  ["review.", "Review"],
  // Escrow events carry the payment whose funds are held, released or disputed (lib/escrow/hold-escrow.ts).
  ["escrow.", "Payment"],
  ["alert.", "Alert"],
  ["webhook_endpoint.", "WebhookEndpoint"],
  ["checkout.session.", "CheckoutSession"],
  ["product.", "Product"],
  ["price.", "Price"],
  ["invoice.", "Invoice"],
  ["payout.", "Payout"],
  ["order.", "Order"],
];

export function objectForEvent(type: EventType): ObjectName {
  const found = BY_PREFIX.find(([prefix]) => type.startsWith(prefix));
  if (!found) throw new Error(`No object known for event type ${type}: add its prefix to lib/openapi/event-objects.ts`);
  return found[1];
}
