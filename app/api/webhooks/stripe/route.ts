// POST /api/webhooks/stripe — Stripe's events: verified, recorded once, handed to the stripe-event workflow
import { withStripeSignature } from "@/lib/http/with-stripe-signature";
import { receiveStripeEvent } from "@/lib/stripe-events/receive-stripe-event";

export const POST = withStripeSignature("/api/webhooks/stripe", ({ event }) => receiveStripeEvent({ event }));
