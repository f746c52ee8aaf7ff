// The API's `billing_portal.session` (lib/billing-portal/serialize.ts types its answer by this schema).
import { idOf, livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const BillingPortalSessionObject = z
  .strictObject({
    id: idOf("billingPortalSession"),
    object: z.literal("billing_portal.session"),
    customer: idOf("customer"),
    url: z.string().openapi({ description: "The portal's link; only in this answer (Kassa keeps only its hash)." }),
    return_url: z.string().nullable(),
    expires_at: unixTime("The link stops working"),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("BillingPortalSession", { description: "A short-lived link to the customer billing portal." });
