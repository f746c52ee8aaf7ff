// The API's `refund` (lib/refunds/serialize-refund.ts types its answer by this schema).
import { REFUND_REASONS, REFUND_STATUSES } from "@/db/schema/payments";
import { currency, idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const RefundObject = z
  .strictObject({
    id: idOf("refund"),
    object: z.literal("refund"),
    amount: minorUnits("The amount refunded."),
    currency: currency(),
    payment: idOf("payment"),
    status: z.enum(REFUND_STATUSES),
    reason: z
      .enum([...REFUND_REASONS, "expired_uncaptured_charge"])
      .nullable()
      .openapi({ description: "expired_uncaptured_charge: Kassa refunded a UPI payment paid after it had expired." }),
    failure_reason: z.string().nullable(),
    metadata: metadata(),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("Refund", { description: "Money returned to the customer from a payment." });
