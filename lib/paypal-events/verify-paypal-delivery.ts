import { ApiError } from "@paypal/paypal-server-sdk";
import type { PayPalApi } from "@/lib/gateways/paypal/client";
import type { VerificationStatus } from "@/lib/gateways/paypal/notifications";
import { logger } from "@/lib/logger";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { PayPalWebhookEvent } from "./event";

/** A delivery whose transmission time is further than this from Kassa's clock is refused before PayPal is asked. */
export const PAYPAL_TRANSMISSION_TOLERANCE_SECONDS = 300;

/** The transmission headers PayPal sends with every delivery. */
export const PAYPAL_TRANSMISSION_HEADERS = [
  "paypal-transmission-id",
  "paypal-transmission-time",
  "paypal-transmission-sig",
  "paypal-cert-url",
  "paypal-auth-algo",
] as const;

export interface VerifiedDelivery {
  event: PayPalWebhookEvent;
  transmissionId: string;
}

const invalid = (message: string, param?: string) => new KassaError("paypal_signature_invalid", message, param ? { param } : {});

/**
 * A delivery as PayPal documents its verification: the five transmission headers and the exact body are
 * sent with Kassa's webhook id to PayPal's `POST /v1/notifications/verify-webhook-signature`, and only
 * `verification_status: SUCCESS` lets the body be read. Before that call (so a forger cannot make Kassa
 * call PayPal for nothing): every header present, the transmission time within 5 minutes of now, the body
 * JSON. PayPal's FAILURE, or its refusal of the request as malformed, is 400 paypal_signature_invalid;
 * PayPal unreachable is 503, which PayPal answers by delivering again.
 */
export async function verifyPayPalDelivery(args: {
  api: PayPalApi;
  webhookId: string;
  headers: Headers;
  raw: string;
  now?: number;
}): Promise<VerifiedDelivery> {
  const { api, webhookId, headers, raw } = args;
  const h: Record<string, string> = {};
  for (const name of PAYPAL_TRANSMISSION_HEADERS) {
    const value = headers.get(name)?.trim();
    if (!value || value.length > 2048) throw invalid(`Missing or malformed ${name.toUpperCase()} header.`, name);
    h[name] = value;
  }
  const sent = Date.parse(h["paypal-transmission-time"]!);
  if (Number.isNaN(sent)) throw invalid("PAYPAL-TRANSMISSION-TIME is not a date and time.", "paypal-transmission-time");
  if (Math.abs((args.now ?? Date.now()) - sent) > PAYPAL_TRANSMISSION_TOLERANCE_SECONDS * 1000) {
    throw invalid("The delivery's PAYPAL-TRANSMISSION-TIME is more than 5 minutes from now.", "paypal-transmission-time");
  }
  if (!isJsonObject(raw)) throw new KassaError("body_not_json", "The webhook body is not a JSON object.");

  let status: VerificationStatus;
  try {
    const answer = await api.notifications.verifyWebhookSignature({
      authAlgo: h["paypal-auth-algo"]!,
      certUrl: h["paypal-cert-url"]!,
      transmissionId: h["paypal-transmission-id"]!,
      transmissionSig: h["paypal-transmission-sig"]!,
      transmissionTime: h["paypal-transmission-time"]!,
      webhookId,
      webhookEvent: raw,
    });
    status = answer.result.verificationStatus;
  } catch (error) {
    // PayPal refusing the request itself (a malformed header value) verifies nothing: the delivery is refused.
    if (error instanceof ApiError && (error.statusCode === 400 || error.statusCode === 422)) throw invalid("PayPal did not verify the delivery's signature.");
    // An expired or revoked token: the next delivery (PayPal redelivers) fetches a new one, as the connector's calls do.
    if (error instanceof ApiError && error.statusCode === 401) api.forgetToken();
    logger.warn({ err: error }, "PayPal's webhook signature verification could not be reached");
    throw new KassaError("service_unavailable", "PayPal's signature verification is unavailable; the delivery was not recorded.");
  }
  if (status !== "SUCCESS") throw invalid("PayPal did not verify the delivery's signature.");

  return { event: parseWith(PayPalWebhookEvent, JSON.parse(raw)), transmissionId: h["paypal-transmission-id"]! };
}

function isJsonObject(raw: string): boolean {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
