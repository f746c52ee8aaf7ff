// The API's `subscription` and `subscription_item` (lib/subscriptions/serialize.ts types its answer by these).
import { PRICE_INTERVALS } from "@/db/schema/products";
import { SUBSCRIPTION_STATUSES } from "@/db/schema/subscriptions";
import { PriceObject } from "@/lib/products/product-object";
import { currency, embeddedList, idOf, livemode, metadata, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

/** Why a subscription waits on its first payment or why its latest try failed; an invoice's last_payment_error. */
export const StatusReasonObject = z
  .strictObject({ code: z.string(), message: z.string(), decline_code: z.string().nullable().optional() })
  .openapi("StatusReason", { description: "The missing payment method or the latest decline." });

export const SubscriptionItemObject = z
  .strictObject({
    id: idOf("subscriptionItem"),
    object: z.literal("subscription_item"),
    subscription: idOf("subscription"),
    price: PriceObject,
    quantity: z.int(),
    created: unixTime("Created"),
  })
  .openapi("SubscriptionItem", { description: "One price on a subscription, with its quantity." });

export const SubscriptionObject = z
  .strictObject({
    id: idOf("subscription"),
    object: z.literal("subscription"),
    customer: idOf("customer"),
    status: z.enum(SUBSCRIPTION_STATUSES),
    status_reason: StatusReasonObject.nullable(),
    currency: currency(),
    items: embeddedList(SubscriptionItemObject, "The subscription's items, prices inline."),
    plan_interval: z.strictObject({ interval: z.enum(PRICE_INTERVALS), interval_count: z.int() }),
    default_payment_method: z.string().nullable(),
    billing_cycle_anchor: unixTime("The anchor periods are counted from"),
    current_period_start: unixTime("The current period started"),
    current_period_end: unixTime("The current period ends"),
    trial_start: unixTime("The trial started").nullable(),
    trial_end: unixTime("The trial ends").nullable(),
    cancel_at_period_end: z.boolean(),
    cancel_at: unixTime("It will be canceled at").nullable(),
    canceled_at: unixTime("Canceled").nullable(),
    ended_at: unixTime("Ended").nullable(),
    paused_at: unixTime("Paused").nullable(),
    cancellation_details: z.strictObject({ reason: z.string().nullable() }),
    latest_invoice: idOf("invoice").nullable(),
    metadata: metadata(),
    livemode: livemode(),
    start_date: unixTime("Started"),
    created: unixTime("Created"),
  })
  .openapi("Subscription", { description: "A customer's recurring purchase of one or more prices." });
