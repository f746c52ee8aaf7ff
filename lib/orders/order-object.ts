// The API's `order`, `order_step` and `fulfillment_hook` (lib/orders/serialize-*.ts type their answers by these).
import { ORDER_STATUSES, ORDER_STEP_NAMES, ORDER_STEP_OUTCOMES } from "@/db/schema/orders";
import { currency, idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const OrderStepObject = z
  .strictObject({
    id: idOf("orderStep"),
    object: z.literal("order_step"),
    name: z.enum(ORDER_STEP_NAMES),
    kind: z.enum(["action", "compensation"]).openapi({ description: "action (forward) or compensation (undoing an action)." }),
    step_key: z.string().openapi({ description: "The step's idempotency key, the same on every try." }),
    attempt: z.int(),
    outcome: z.enum(ORDER_STEP_OUTCOMES),
    status_code: z.int().nullable().openapi({ description: "The merchant's HTTP answer, for the hook's steps." }),
    latency_ms: z.int(),
    error: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).openapi({ description: "What the step produced (payment or refund id, the answer's first bytes)." }),
    created: unixTime("Tried"),
  })
  .openapi("OrderStep", { description: "One try of one saga step or compensation." });

export const OrderItemObject = z
  .strictObject({ name: z.string(), quantity: z.int(), amount: minorUnits("The line's total (quantity × unit price).") })
  .openapi("OrderItem");

export const OrderObject = z
  .strictObject({
    id: idOf("order"),
    object: z.literal("order"),
    amount: minorUnits("The order's total."),
    currency: currency(),
    status: z.enum(ORDER_STATUSES),
    payment_method: z.string(),
    items: z.array(OrderItemObject),
    metadata: metadata(),
    payment: idOf("payment").nullable(),
    refund: idOf("refund").nullable(),
    fulfillment_hook: idOf("fulfillmentHook").nullable(),
    failure_code: z.string().nullable(),
    failure_message: z.string().nullable(),
    livemode: livemode(),
    created: unixTime("Created"),
    completed_at: unixTime("Finished").nullable(),
    steps: z.array(OrderStepObject).optional().openapi({ description: "Every try of every step, oldest first (retrieve only)." }),
  })
  .openapi("Order", { description: "An order saga: authorise, reserve, capture, confirm — compensated on failure." });

export const FulfillmentHookObject = z
  .strictObject({
    id: idOf("fulfillmentHook"),
    object: z.literal("fulfillment_hook"),
    reserve_url: z.string(),
    confirm_url: z.string(),
    release_url: z.string(),
    description: z.string().nullable(),
    livemode: livemode(),
    created: unixTime("Created"),
    secret: z.string().optional().openapi({ description: "The signing secret; only in the answer that made the hook." }),
  })
  .openapi("FulfillmentHook", { description: "Where Kassa calls the merchant during an order saga." });
