import type { CheckoutSessionRow } from "@/db/schema";
import { publicBaseUrl } from "@/lib/public-url";
import type { z } from "zod";
import type { CheckoutSessionObject as CheckoutSessionSchema } from "./checkout-session-object";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** The API's `checkout.session` object; the only way a session row leaves the server. */
export function serializeCheckoutSession(s: CheckoutSessionRow, baseUrl = publicBaseUrl()) {
  return {
    id: s.id,
    object: "checkout.session" as const,
    url: s.status === "open" ? `${baseUrl}/pay/${s.id}` : null,
    status: s.status,
    amount: Number(s.amount),
    currency: s.currency,
    description: s.description,
    customer_email: s.customerEmail,
    success_url: s.successUrl,
    cancel_url: s.cancelUrl,
    payment_method_types: s.paymentMethodTypes,
    capture_method: s.captureMethod,
    metadata: s.metadata,
    embed_origins: s.embedOrigins,
    payment: s.paymentId,
    payment_link: s.paymentLinkId,
    livemode: s.livemode,
    created: seconds(s.createdAt)!,
    expires_at: seconds(s.expiresAt)!,
    completed_at: seconds(s.completedAt),
  } satisfies z.input<typeof CheckoutSessionSchema>;
}

export type CheckoutSessionObject = ReturnType<typeof serializeCheckoutSession>;
