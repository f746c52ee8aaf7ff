import { authorizationTimerFn } from "./functions/authorization-timer";
import { checkoutSessionExpiryFn } from "./functions/checkout-session-expiry";
import { customerInvoiceEmailFn } from "./functions/customer-invoice-email";
import { customerPaymentFailedEmailFn } from "./functions/customer-payment-failed-email";
import { customerReceiptFn } from "./functions/customer-receipt";
import { customerTrialEndingEmailFn } from "./functions/customer-trial-ending-email";
import { outboxSweep } from "./functions/outbox-sweep";
import { reapIdempotencyKeysFn } from "./functions/reap-idempotency-keys";
import { reconcilePaymentsFn } from "./functions/reconcile-payments";
import { releaseAvailableFundsFn } from "./functions/release-available-funds";
import { compactRollupsFn } from "./functions/compact-rollups";
import { sandboxDisputeFn } from "./functions/sandbox-dispute";
import { settlePaymentFn } from "./functions/settle-payment";
import { settleRefundFn } from "./functions/settle-refund";
import { subscriptionPeriodFn } from "./functions/subscription-period";
import { stripeEventFn } from "./functions/stripe-event";
import { paypalEventFn } from "./functions/paypal-event";
import { webhookDeliverFn } from "./functions/webhook-deliver";
import { webhookFanOutFn } from "./functions/webhook-fan-out";
import { upiStatusPollFn } from "./functions/upi-status-poll";
import { upiCallbackFn } from "./functions/upi-callback";
import { upiExpirySweepFn } from "./functions/upi-expiry-sweep";
import { sandboxUpiPspFn } from "./functions/sandbox-upi-psp";
import { alertEvaluateFn } from "./functions/alert-evaluate";
import { escrowReleaseTimerFn } from "./functions/escrow-release-timer";
import { escrowReleaseSweepFn } from "./functions/escrow-release-sweep";
import { payoutSendFn } from "./functions/payout-send";
import { payoutScheduleFn } from "./functions/payout-schedule";
import { payoutSweepFn } from "./functions/payout-sweep";
import { orderSagaFn } from "./functions/order-saga";
import { requestLogRetentionFn } from "./functions/request-log-retention";
import { cryptoDepositWatchFn } from "./functions/crypto-deposit-watch";
import { chainTxSendFn } from "./functions/chain-tx-send";
import { cryptoEscrowWatchFn } from "./functions/crypto-escrow-watch";
import { checkoutSessionCompleteFn } from "./functions/checkout-session-complete";

/** Every function served at /api/inngest. */
export const functions = [
  outboxSweep,
  reapIdempotencyKeysFn,
  settlePaymentFn,
  settleRefundFn,
  authorizationTimerFn,
  reconcilePaymentsFn,
  releaseAvailableFundsFn,
  compactRollupsFn,
  webhookFanOutFn,
  webhookDeliverFn,
  checkoutSessionExpiryFn,
  stripeEventFn,
  paypalEventFn,
  sandboxDisputeFn,
  customerReceiptFn,
  customerInvoiceEmailFn,
  customerPaymentFailedEmailFn,
  customerTrialEndingEmailFn,
  subscriptionPeriodFn,
  upiStatusPollFn,
  upiCallbackFn,
  upiExpirySweepFn,
  sandboxUpiPspFn,
  alertEvaluateFn,
  escrowReleaseTimerFn,
  escrowReleaseSweepFn,
  payoutSendFn,
  payoutScheduleFn,
  payoutSweepFn,
  orderSagaFn,
  requestLogRetentionFn,
  cryptoDepositWatchFn,
  chainTxSendFn,
  cryptoEscrowWatchFn,
  checkoutSessionCompleteFn,
];
