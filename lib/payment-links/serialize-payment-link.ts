import type { PaymentLinkRow } from "@/db/schema";
import { publicBaseUrl } from "@/lib/public-url";
import type { z } from "zod";
import type { PaymentLinkObject as PaymentLinkSchema } from "./payment-link-object";

/** The API's `payment_link` object. */
export function serializePaymentLink(l: PaymentLinkRow, baseUrl = publicBaseUrl()) {
  return {
    id: l.id,
    object: "payment_link" as const,
    url: `${baseUrl}/l/${l.id}`,
    active: l.active,
    amount: l.amount === null ? null : Number(l.amount),
    customer_chooses_amount: l.amount === null,
    currency: l.currency,
    description: l.description,
    quantity: l.quantity,
    success_url: l.successUrl,
    metadata: l.metadata,
    livemode: l.livemode,
    created: Math.floor(l.createdAt.getTime() / 1000),
  } satisfies z.input<typeof PaymentLinkSchema>;
}
export type PaymentLinkObject = ReturnType<typeof serializePaymentLink>;
