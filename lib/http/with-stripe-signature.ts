import Stripe from "stripe";
import { KassaError } from "@/lib/service/errors";
import { serve } from "./core";
import { readRawBody } from "./read-body";

/** Stripe's own window: a signed delivery older than this is refused (replay protection). */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The adapter for Stripe's webhook deliveries: the exact raw body (at most 1 MB) → `Stripe-Signature`
 * verified over it with STRIPE_WEBHOOK_SECRET (300 s tolerance) → the handler's one verb. A forged,
 * re-serialised or stale delivery is 400 stripe_signature_invalid.
 */
export function withStripeSignature(route: string, handler: (args: { event: Stripe.Event; requestId: string }) => Promise<unknown>) {
  return (req: Request): Promise<Response> =>
    serve({ caller: "stripe", route }, req, async (call) => {
      const secret = process.env.STRIPE_WEBHOOK_SECRET;
      if (!secret) throw new KassaError("service_unavailable", "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).");
      const raw = await readRawBody(req);
      const signature = req.headers.get("stripe-signature");
      if (!signature) throw new KassaError("stripe_signature_invalid", "Missing Stripe-Signature header.");
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(raw, signature, secret, STRIPE_SIGNATURE_TOLERANCE_SECONDS);
      } catch {
        throw new KassaError("stripe_signature_invalid", "The Stripe-Signature does not match the body, or the delivery is older than 5 minutes.");
      }
      return handler({ event, requestId: call.requestId });
    });
}
