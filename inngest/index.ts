import { authorizationTimerFn } from "./functions/authorization-timer";
import { outboxSweep } from "./functions/outbox-sweep";
import { reapIdempotencyKeysFn } from "./functions/reap-idempotency-keys";
import { reconcilePaymentsFn } from "./functions/reconcile-payments";
import { releaseAvailableFundsFn } from "./functions/release-available-funds";
import { settlePaymentFn } from "./functions/settle-payment";

/** Every function served at /api/inngest. */
export const functions = [outboxSweep, reapIdempotencyKeysFn, settlePaymentFn, authorizationTimerFn, reconcilePaymentsFn, releaseAvailableFundsFn];
