import type { Executor } from "@/db/client";
import { publishPendingStripeEvents } from "@/lib/stripe-events/publish-stripe-events";
import { publishPendingEvents, type EventSender } from "./publish-events";

const BATCH = 100;

/**
 * One turn of the outbox relay: a batch of Kassa's own outbox rows, then a batch of Stripe's recorded events
 * (platform-level, their own rows are their outbox). Both relays (after-commit and the sweep) take turns until
 * neither batch was full, so neither kind waits behind a backlog of the other: run one after the other, a
 * Stripe event once waited behind every own event of a busy minute (the chaos run's 5,000-event backlog).
 * `more`: a batch was full, so rows may be waiting.
 */
export async function publishTurn({ db, send, olderThan }: { db?: Executor; send: EventSender; olderThan?: Date }) {
  const own = await publishPendingEvents({ db, send, olderThan, limit: BATCH });
  const stripe = await publishPendingStripeEvents({ db, send, olderThan, limit: BATCH });
  return { published: own + stripe, more: own === BATCH || stripe === BATCH };
}
