import type { Client } from "@paypal/paypal-server-sdk";

/** PayPal's answer: whether the delivery's signature is PayPal's for this webhook and these exact bytes. */
export type VerificationStatus = "SUCCESS" | "FAILURE";

/** The transmission headers of one delivery, the webhook it was sent to, and its body as received. */
export interface VerifyWebhookSignatureInput {
  authAlgo: string;
  certUrl: string;
  transmissionId: string;
  transmissionSig: string;
  transmissionTime: string;
  webhookId: string;
  /** The delivery's body exactly as received: PayPal checks the signature over these bytes, so it is sent verbatim. */
  webhookEvent: string;
}

export interface PayPalNotifications {
  verifyWebhookSignature(input: VerifyWebhookSignatureInput): Promise<{ result: { verificationStatus: VerificationStatus } }>;
}

/**
 * Webhooks v1's `POST /v1/notifications/verify-webhook-signature`, which @paypal/paypal-server-sdk
 * 2.5.0 has no controller for, built on the SDK client's own request builder: the same OAuth token
 * provider (lib/gateways/paypal/client.ts), origin (PAYPAL_API_BASE), timeout and retries as every
 * other PayPal call, and the SDK's ApiError for an error status.
 */
export function notificationsOf(client: Client): PayPalNotifications {
  return {
    async verifyWebhookSignature(input) {
      const req = client.getRequestBuilderFactory()("POST", "/v1/notifications/verify-webhook-signature");
      req.contentType("application/json");
      req.acceptJson();
      req.text(requestBody(input));
      req.authenticate([{ oauth2: true }]);
      const { result } = await req.callAsText();
      const status = (parsed(result) as { verification_status?: unknown } | null)?.verification_status;
      if (status !== "SUCCESS" && status !== "FAILURE") throw new Error(`PayPal answered the signature verification without a verification_status.`);
      return { result: { verificationStatus: status } };
    },
  };
}

/**
 * The request's JSON with `webhook_event` spliced in as the delivered text: parsing and serialising it
 * again could reorder or reformat it, and PayPal would then answer FAILURE for a genuine delivery.
 */
function requestBody(input: VerifyWebhookSignatureInput): string {
  const event = parsed(input.webhookEvent);
  if (!event || typeof event !== "object" || Array.isArray(event)) throw new TypeError("webhookEvent must be the JSON object PayPal delivered.");
  const head = JSON.stringify({
    auth_algo: input.authAlgo,
    cert_url: input.certUrl,
    transmission_id: input.transmissionId,
    transmission_sig: input.transmissionSig,
    transmission_time: input.transmissionTime,
    webhook_id: input.webhookId,
  });
  return `${head.slice(0, -1)},"webhook_event":${input.webhookEvent.trim()}}`;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
