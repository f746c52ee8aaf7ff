import type { StripeEventHandler } from "../context";
import { handleChargeRefunded } from "./charge-refunded";
import { handleDisputeClosed } from "./charge-dispute-closed";
import { handleDisputeCreated } from "./charge-dispute-created";
import { handlePaymentIntentAmountCapturableUpdated } from "./payment-intent-amount-capturable-updated";
import { handlePaymentIntentCanceled } from "./payment-intent-canceled";
import { handlePaymentIntentPaymentFailed } from "./payment-intent-payment-failed";
import { handlePaymentIntentRequiresAction } from "./payment-intent-requires-action";
import { handlePaymentIntentSucceeded } from "./payment-intent-succeeded";
import { handlePaymentMethodDetached } from "./payment-method-detached";
import { handleRefundUpdated } from "./refund-updated";
import { handleSetupIntentSucceeded } from "./setup-intent-succeeded";

/** The allow-list: Stripe event types Kassa acts on, one handler file each. Anything else is ignored (200). */
export const STRIPE_EVENT_HANDLERS: Record<string, StripeEventHandler> = {
  "payment_intent.succeeded": handlePaymentIntentSucceeded,
  "payment_intent.payment_failed": handlePaymentIntentPaymentFailed,
  "payment_intent.requires_action": handlePaymentIntentRequiresAction,
  "payment_intent.amount_capturable_updated": handlePaymentIntentAmountCapturableUpdated,
  "payment_intent.canceled": handlePaymentIntentCanceled,
  "charge.refunded": handleChargeRefunded,
  "refund.updated": handleRefundUpdated,
  "charge.dispute.created": handleDisputeCreated,
  "charge.dispute.closed": handleDisputeClosed,
  "setup_intent.succeeded": handleSetupIntentSucceeded,
  "payment_method.detached": handlePaymentMethodDetached,
};
