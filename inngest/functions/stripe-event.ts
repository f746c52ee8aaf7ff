import { events, inngest } from "../client";
import { processStripeEvent } from "@/lib/stripe-events/process-stripe-event";

/**
 * One verified Stripe event (recorded by /api/webhooks/stripe): run its handler. One run at a time per
 * Stripe object's event id; handlers are idempotent, so retries are safe.
 */
export const stripeEventFn = inngest.createFunction(
  {
    id: "stripe-event",
    triggers: [events.stripeEventReceived],
    concurrency: { limit: 1, key: "event.data.stripe_event_id" },
    retries: 8,
  },
  async ({ event, step }) => step.run("handle", () => processStripeEvent({ eventId: event.data.stripe_event_id })),
);
