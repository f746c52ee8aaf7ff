import { z } from "zod";

/** PayPal's ids: upper-case letters, digits and dashes (orders, captures: 17 characters; events: WH-…). */
const PayPalId = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/);

/**
 * What Kassa reads of a verified webhook event (PayPal's event envelope: id, event_type, resource_type,
 * resource). The resource is kept whole for the record, but only its ids and custom_id are ever used:
 * processing re-reads the order from PayPal.
 */
export const PayPalWebhookEvent = z.looseObject({
  id: PayPalId,
  event_type: z.string().min(1).max(100),
  resource_type: z.string().max(100).optional(),
  resource: z.record(z.string(), z.unknown()),
});
export type PayPalWebhookEvent = z.infer<typeof PayPalWebhookEvent>;

/** The ids an event names: its resource, the order that resource belongs to, and the resource's custom_id. */
export interface EventReferences {
  resourceId: string | null;
  orderId: string | null;
  customId: string | null;
  /** A refund's capture (its `up` link): how a refund made in PayPal's dashboard, untagged, finds its order. */
  captureId: string | null;
}

const id = (v: unknown): string | null => (PayPalId.safeParse(v).success ? (v as string) : null);
const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 && v.length <= 127 ? v : null);
const field = (v: unknown, key: string): unknown => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined);

/**
 * An order event carries the order (its id, its purchase unit's custom_id); an authorization or
 * capture event its own id, custom_id (PayPal copies the order's) and the order in
 * `supplementary_data.related_ids.order_id`; a refund event its custom_id (Kassa's refund tag) and its capture.
 */
export function referencesOf(event: PayPalWebhookEvent): EventReferences {
  const r = event.resource;
  const order = event.resource_type === "checkout-order" || event.event_type.startsWith("CHECKOUT.ORDER.");
  const unit = field(r.purchase_units, "0");
  return {
    resourceId: id(r.id),
    orderId: order ? id(r.id) : id(field(field(r.supplementary_data, "related_ids"), "order_id")),
    customId: text(order ? field(unit, "custom_id") : r.custom_id),
    captureId: event.resource_type === "refund" || event.event_type === "PAYMENT.CAPTURE.REFUNDED" ? captureOf(r.links) : null,
  };
}

/** The capture id in a refund's `up` link (`…/v2/payments/captures/<id>`). */
function captureOf(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  for (const l of links) {
    const href = field(l, "href");
    const m = field(l, "rel") === "up" && typeof href === "string" ? /\/v2\/payments\/captures\/([A-Za-z0-9-]{1,100})$/.exec(href) : null;
    if (m) return m[1]!;
  }
  return null;
}
