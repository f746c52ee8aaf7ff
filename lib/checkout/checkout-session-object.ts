// The API's `checkout.session` (lib/checkout/serialize-checkout-session.ts types its answer by this schema).
import { CHECKOUT_PAYMENT_METHOD_TYPES, CHECKOUT_SESSION_STATUSES } from "@/db/schema/checkout";
import { CAPTURE_METHODS } from "@/db/schema/payments";
import { currency, idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const CheckoutSessionObject = z
  .strictObject({
    id: idOf("checkoutSession"),
    object: z.literal("checkout.session"),
    url: z.string().nullable().openapi({ description: "The hosted page the customer pays on; null once the session is no longer open." }),
    status: z.enum(CHECKOUT_SESSION_STATUSES),
    amount: minorUnits("The amount to pay, fixed when the session was made."),
    currency: currency(),
    description: z.string().nullable(),
    customer_email: z.string().nullable(),
    success_url: z.string().nullable(),
    cancel_url: z.string().nullable(),
    payment_method_types: z.array(z.enum(CHECKOUT_PAYMENT_METHOD_TYPES)),
    capture_method: z.enum(CAPTURE_METHODS),
    metadata: metadata(),
    embed_origins: z.array(z.string()).openapi({ description: "Origins allowed to embed the page with embed.js." }),
    payment: idOf("payment").nullable(),
    payment_link: idOf("paymentLink").nullable(),
    livemode: livemode(),
    created: unixTime("Created"),
    expires_at: unixTime("The session expires at"),
    completed_at: unixTime("Paid").nullable(),
  })
  .openapi("CheckoutSession", { description: "A customer's visit to pay one amount on Kassa's hosted page." });
