import { sharedPayPalApi } from "@/lib/gateways/paypal/client";
import type { VerifiedDelivery } from "@/lib/paypal-events/verify-paypal-delivery";
import { verifyPayPalDelivery } from "@/lib/paypal-events/verify-paypal-delivery";
import { KassaError } from "@/lib/service/errors";
import { serve } from "./core";
import { readRawBody } from "./read-body";

/**
 * The adapter for PayPal's webhook deliveries: the exact raw body (at most 1 MB) → verified by PayPal
 * (lib/paypal-events/verify-paypal-delivery.ts: headers, a 5-minute window, PayPal's verification API
 * with PAYPAL_WEBHOOK_ID) → the handler's one verb. Unverified is 400 paypal_signature_invalid; an
 * instance without PayPal answers 404 paypal_webhooks_not_configured.
 */
export function withPayPalSignature(route: string, handler: (args: VerifiedDelivery & { requestId: string }) => Promise<unknown>) {
  return (req: Request): Promise<Response> =>
    serve({ caller: "paypal", route }, req, async (call) => {
      const webhookId = process.env.PAYPAL_WEBHOOK_ID;
      if (!webhookId || !process.env.PAYPAL_CLIENT_ID || !process.env.PAYPAL_CLIENT_SECRET) {
        throw new KassaError("paypal_webhooks_not_configured", "PayPal webhooks are not configured on this instance.");
      }
      const raw = await readRawBody(req);
      const verified = await verifyPayPalDelivery({ api: sharedPayPalApi(), webhookId, headers: req.headers, raw });
      return handler({ ...verified, requestId: call.requestId });
    });
}
