// The API's `payment_link` (lib/payment-links/serialize-payment-link.ts types its answer by this schema).
import { currency, idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const PaymentLinkObject = z
  .strictObject({
    id: idOf("paymentLink"),
    object: z.literal("payment_link"),
    url: z.string().openapi({ description: "The link to share; every visit starts a new checkout session." }),
    active: z.boolean(),
    amount: minorUnits("Per item; null lets the customer choose.").nullable(),
    customer_chooses_amount: z.boolean(),
    currency: currency(),
    description: z.string(),
    quantity: z.int(),
    success_url: z.string().nullable(),
    metadata: metadata(),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("PaymentLink", { description: "A reusable link to pay." });
