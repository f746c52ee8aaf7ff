import { z } from "zod";
import { SUBSCRIPTION_STATUSES } from "@/db/schema";
import { PRORATION_BEHAVIORS } from "@/lib/billing/proration";
import { MAX_TRIAL_PERIOD_DAYS } from "@/lib/billing/periods";
import { metadataSchema } from "@/lib/payments/inputs";
import { listParams } from "@/lib/service/pagination";

/** Stripe's ceiling on a subscription item's quantity is higher; Kassa keeps invoices readable. */
export const MAX_QUANTITY = 10_000;
/** Stripe allows 20 items per subscription. */
export const MAX_ITEMS = 20;

const id = z.string().min(1).max(255);
const quantity = z.int().min(1).max(MAX_QUANTITY);
const unixSeconds = z.int().min(0).max(253402300799);

export const CreateSubscriptionInput = z.strictObject({
  customer: id,
  items: z
    .array(z.strictObject({ price: id, quantity: quantity.optional() }))
    .min(1)
    .max(MAX_ITEMS),
  trial_period_days: z.int().min(1).max(MAX_TRIAL_PERIOD_DAYS).optional(),
  default_payment_method: id.optional(),
  cancel_at_period_end: z.boolean().optional(),
  /** A future instant the periods are counted from; the first period is prorated up to it. */
  billing_cycle_anchor: unixSeconds.optional(),
  metadata: metadataSchema.optional(),
});
export type CreateSubscriptionInput = z.output<typeof CreateSubscriptionInput>;

/** An item to change (`id`), add (no `id`) or remove (`deleted: true`). */
const UpdateItem = z.strictObject({ id: id.optional(), price: id.optional(), quantity: quantity.optional(), deleted: z.boolean().optional() });

export const UpdateSubscriptionInput = z.strictObject({
  items: z.array(UpdateItem).min(1).max(MAX_ITEMS).optional(),
  proration_behavior: z.enum(PRORATION_BEHAVIORS).optional(),
  default_payment_method: id.nullable().optional(),
  cancel_at_period_end: z.boolean().optional(),
  metadata: metadataSchema.optional(),
});
export type UpdateSubscriptionInput = z.output<typeof UpdateSubscriptionInput>;

export const CancelSubscriptionInput = z.strictObject({ invoice_now: z.boolean().optional(), prorate: z.boolean().optional() });

export const ListSubscriptionsQuery = z.strictObject({
  ...listParams,
  /** Stripe's default hides canceled subscriptions; `all` shows every status. */
  status: z.enum([...SUBSCRIPTION_STATUSES, "all"]).optional(),
  customer: id.optional(),
  price: id.optional(),
});
