import { z } from "zod";
import { ORDER_STATUSES } from "@/db/schema";
import { listParams } from "@/lib/service/pagination";
import { amountSchema, metadataSchema } from "@/lib/payments/inputs";

/** At most this many lines on an order (Stripe's Checkout allows 100 line items). */
export const MAX_ORDER_ITEMS = 100;

const item = z.strictObject({
  name: z.string().min(1).max(250),
  quantity: z.int().min(1).max(10_000),
  /** The line's total in minor units. */
  amount: amountSchema,
});

export const CreateOrderInput = z.strictObject({
  amount: amountSchema,
  currency: z
    .string()
    .min(3)
    .max(3)
    .transform((s) => s.toLowerCase()),
  payment_method: z.string().min(1).max(255),
  items: z.array(item).min(1).max(MAX_ORDER_ITEMS),
  metadata: metadataSchema.optional(),
});
export type CreateOrderInput = z.output<typeof CreateOrderInput>;

export const ListOrdersQuery = z.strictObject({
  ...listParams,
  status: z.enum(ORDER_STATUSES).optional(),
});

const hookUrl = z.string().min(1).max(2048);

export const CreateFulfillmentHookInput = z.strictObject({
  reserve_url: hookUrl,
  confirm_url: hookUrl,
  release_url: hookUrl,
  description: z.string().max(500).optional(),
});

export const ListFulfillmentHooksQuery = z.strictObject({ ...listParams });
