import { outboxSweep } from "./functions/outbox-sweep";
import { reapIdempotencyKeysFn } from "./functions/reap-idempotency-keys";

/** Every function served at /api/inngest. */
export const functions = [outboxSweep, reapIdempotencyKeysFn];
