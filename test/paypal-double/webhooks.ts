import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";
import { invalidRequest, type Answer } from "./errors";
import { renderAuthorization, renderCapture, renderOrder, renderRefund, type Renderer } from "./render";
import { isoNow, paypalId, type Order } from "./state";

/**
 * PayPal's webhooks, simulated: events about the double's own objects, deliveries signed the way PayPal
 * signs them, and `POST /v1/notifications/verify-webhook-signature` answering whether a delivery is genuine.
 *
 * PayPal signs `<transmission id>|<transmission time>|<webhook id>|<CRC32 of the body, decimal>` with its
 * private key (SHA256withRSA, certificate at PAYPAL-CERT-URL). The double signs the same input with an
 * HMAC-SHA256 under a key only it holds, so only its verify endpoint can tell a genuine delivery — as only
 * PayPal's can — and Kassa has to ask it.
 */

export const AUTH_ALGO = "SHA256withRSA";

/** The event types the double builds, by the resource each one carries. */
export type WebhookEventType =
  | "CHECKOUT.ORDER.APPROVED"
  | "CHECKOUT.ORDER.COMPLETED"
  | "PAYMENT.AUTHORIZATION.CREATED"
  | "PAYMENT.AUTHORIZATION.VOIDED"
  | "PAYMENT.CAPTURE.COMPLETED"
  | "PAYMENT.CAPTURE.DENIED"
  | "PAYMENT.CAPTURE.PENDING"
  | "PAYMENT.CAPTURE.REFUNDED";

export interface WebhookEvent {
  id: string;
  event_version: "1.0";
  create_time: string;
  resource_type: "checkout-order" | "authorization" | "capture" | "refund";
  resource_version: "2.0";
  event_type: string;
  summary: string;
  resource: Record<string, unknown>;
  links: { href: string; rel: string; method: string }[];
}

export interface DeliveryOptions {
  /** Signed for another webhook (another PayPal app's listener). */
  webhookId?: string;
  /** PAYPAL-TRANSMISSION-TIME (default now). */
  time?: Date;
  /** Signed with a key that is not the double's (a forger's). */
  foreignKey?: boolean;
  /** Headers left out of the delivery (lower case). */
  omit?: string[];
}

export interface Delivery {
  body: string;
  headers: Record<string, string>;
}

export interface Webhooks {
  /** The id of the one webhook (listener) the double's app has: Kassa's PAYPAL_WEBHOOK_ID. */
  webhookId: string;
  certUrl: string;
  /** An event about one of the double's orders, its resource rendered as it is now (the order's latest authorization, capture or refund). */
  event(type: WebhookEventType, orderId: string, overrides?: { resource?: Record<string, unknown> }): WebhookEvent;
  /** The body and transmission headers PayPal would send for `event` (the body as PayPal sends it: its JSON text). */
  signed(event: WebhookEvent | string, opts?: DeliveryOptions): Delivery;
  /** POSTs a signed delivery of `event` to `url`, as PayPal's notification service does. */
  deliver(url: string, event: WebhookEvent | string, opts?: DeliveryOptions): Promise<{ status: number; body: unknown }>;
  /** The answer of POST /v1/notifications/verify-webhook-signature. */
  verify(body: Record<string, unknown>): Answer;
}

const REQUIRED = ["auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time", "webhook_id"] as const;

export function webhooks(r: Renderer): Webhooks {
  const key = randomBytes(32);
  const webhookId = paypalId();
  const certUrl = () => `${r.url}/v1/notifications/certs/CERT-360caa42-fca2a594-${key.subarray(0, 4).toString("hex")}`;
  const sign = (k: Buffer, transmissionId: string, time: string, hookId: string, body: string) =>
    createHmac("sha256", k)
      .update(`${transmissionId}|${time}|${hookId}|${crc32(Buffer.from(body, "utf8"))}`)
      .digest("base64");

  function resourceOf(type: WebhookEventType, order: Order): { kind: WebhookEvent["resource_type"]; resource: Record<string, unknown> } {
    if (type.startsWith("CHECKOUT.ORDER.")) return { kind: "checkout-order", resource: renderOrder(r, order) };
    if (type.startsWith("PAYMENT.AUTHORIZATION.")) {
      const a = r.state.authorizations.get(order.authorizations.at(-1) ?? "");
      if (!a) throw new Error(`PayPal double: order ${order.id} has no authorization for ${type}`);
      return { kind: "authorization", resource: renderAuthorization(r, a) };
    }
    const capture = r.state.captures.get(order.captures.at(-1) ?? "");
    if (!capture) throw new Error(`PayPal double: order ${order.id} has no capture for ${type}`);
    if (type === "PAYMENT.CAPTURE.REFUNDED") {
      const refund = r.state.refunds.get(capture.refunds.at(-1) ?? "");
      if (!refund) throw new Error(`PayPal double: capture ${capture.id} has no refund`);
      return { kind: "refund", resource: renderRefund(r, refund) };
    }
    return { kind: "capture", resource: renderCapture(r, capture) };
  }

  const api: Webhooks = {
    webhookId,
    get certUrl() {
      return certUrl();
    },
    event(type, orderId, overrides = {}) {
      const order = r.state.orders.get(orderId);
      if (!order) throw new Error(`PayPal double: no order ${orderId}`);
      const { kind, resource } = resourceOf(type, order);
      const id = `WH-${paypalId()}-${paypalId()}`;
      const self = `${r.url}/v1/notifications/webhooks-events/${id}`;
      return {
        id,
        event_version: "1.0",
        create_time: isoNow(),
        resource_type: kind,
        resource_version: "2.0",
        event_type: type,
        summary: `${type} for ${order.amount.currency_code} ${order.amount.value}`,
        resource: overrides.resource ?? resource,
        links: [
          { href: self, rel: "self", method: "GET" },
          { href: `${self}/resend`, rel: "resend", method: "POST" },
        ],
      };
    },
    signed(event, opts = {}) {
      const body = typeof event === "string" ? event : JSON.stringify(event);
      const transmissionId = randomUUID();
      const time = (opts.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
      const signature = sign(opts.foreignKey ? randomBytes(32) : key, transmissionId, time, opts.webhookId ?? webhookId, body);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "paypal-transmission-id": transmissionId,
        "paypal-transmission-time": time,
        "paypal-transmission-sig": signature,
        "paypal-cert-url": certUrl(),
        "paypal-auth-algo": AUTH_ALGO,
      };
      for (const name of opts.omit ?? []) delete headers[name];
      return { body, headers };
    },
    async deliver(url, event, opts) {
      const { body, headers } = api.signed(event, opts);
      const res = await fetch(url, { method: "POST", body, headers });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: answered as text
      }
      return { status: res.status, body: parsed };
    },
    verify(body) {
      for (const field of REQUIRED) {
        if (typeof body[field] !== "string" || body[field] === "") {
          return invalidRequest("MISSING_REQUIRED_PARAMETER", "A required field / parameter is missing.", `/${field}`);
        }
      }
      const event = body.webhook_event;
      if (!event || typeof event !== "object" || Array.isArray(event)) {
        return invalidRequest("MISSING_REQUIRED_PARAMETER", "A required field / parameter is missing.", "/webhook_event");
      }
      const f = body as Record<(typeof REQUIRED)[number], string>;
      // The event as Kassa sent it, serialised as the double sent it: another key order or a changed field is another CRC.
      const expected = Buffer.from(sign(key, f.transmission_id, f.transmission_time, f.webhook_id, JSON.stringify(event)), "base64");
      const given = Buffer.from(f.transmission_sig, "base64");
      const genuine =
        f.auth_algo === AUTH_ALGO &&
        f.cert_url === certUrl() &&
        f.webhook_id === webhookId &&
        given.length === expected.length &&
        timingSafeEqual(given, expected);
      return { status: 200, body: { verification_status: genuine ? "SUCCESS" : "FAILURE" } };
    },
  };
  return api;
}
