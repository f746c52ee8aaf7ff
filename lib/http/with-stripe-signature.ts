import Stripe from "stripe";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { observeRequest } from "@/lib/metrics";
import { readRawBody } from "./read-body";
import { errorBody, jsonResponse } from "./respond";

/** Stripe's own window: a signed delivery older than this is refused (replay protection). */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The wrapper for Stripe's webhook deliveries: request id → the exact raw body (at most 1 MB) →
 * `Stripe-Signature` verified over it with STRIPE_WEBHOOK_SECRET (300 s tolerance) → the handler's one
 * verb → the error table. A forged, re-serialised or stale delivery is 400 stripe_signature_invalid.
 */
export function withStripeSignature(route: string, handler: (args: { event: Stripe.Event; requestId: string }) => Promise<unknown>) {
  return async (req: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = newId("request");
    let status = 500;
    try {
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
      const body = await handler({ event, requestId });
      status = 200;
      return jsonResponse(body, 200, { "Request-Id": requestId });
    } catch (error) {
      const { status: s, body } = errorBody(error, requestId);
      status = s;
      if (s >= 500) logger.error({ err: error, requestId, route }, "stripe webhook failed");
      return jsonResponse(body, s, { "Request-Id": requestId });
    } finally {
      observeRequest(route, "POST", status, (performance.now() - started) / 1000);
    }
  };
}
