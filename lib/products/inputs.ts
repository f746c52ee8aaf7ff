import { z } from "zod";
import { PRICE_INTERVALS, PRICE_TYPES } from "@/db/schema";
import { listParams } from "@/lib/service/pagination";
import { metadataSchema } from "@/lib/payments/inputs";

const name = z.string().min(1).max(250);
const description = z.string().max(1000);
const bool = z.enum(["true", "false"]);

/** Minor units: an integer, zero allowed (a free tier); the ceiling is checked against the currency (amount_too_large). */
const unitAmount = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const currency = z
  .string()
  .min(3)
  .max(3)
  .transform((s) => s.toLowerCase());
/** Leave it out for a one-off price; the three-year ceiling per interval is checked by the verb. */
const recurring = z.strictObject({ interval: z.enum(PRICE_INTERVALS), interval_count: z.int().min(1).optional() });

/** What a price costs: the part of a price that never changes once made. */
export const PriceTerms = { currency, unit_amount: unitAmount, recurring: recurring.optional() };
export type PriceTerms = { currency: string; unit_amount: number; recurring?: { interval: (typeof PRICE_INTERVALS)[number]; interval_count?: number } };

export const CreateProductInput = z.strictObject({
  name,
  description: description.optional(),
  metadata: metadataSchema.optional(),
  active: z.boolean().optional(),
  /** Stripe's default_price_data: the product's first price, made in the same commit and set as its default. */
  default_price_data: z.strictObject({ ...PriceTerms, metadata: metadataSchema.optional() }).optional(),
});

/** Like Stripe: `""` or null clears the description; `default_price` must be one of the product's own active prices. */
export const UpdateProductInput = z.strictObject({
  name: name.optional(),
  description: description.nullable().optional(),
  metadata: metadataSchema.optional(),
  active: z.boolean().optional(),
  default_price: z.string().min(1).max(255).nullable().optional(),
});

export const ListProductsQuery = z.strictObject({ ...listParams, active: bool.optional() });

export const CreatePriceInput = z.strictObject({
  product: z.string().min(1).max(255),
  ...PriceTerms,
  nickname: z.string().max(250).optional(),
  lookup_key: z.string().min(1).max(200).optional(),
  metadata: metadataSchema.optional(),
  active: z.boolean().optional(),
});
export type CreatePriceInput = z.output<typeof CreatePriceInput>;

/** Amount, currency and recurrence never change (they are unknown parameters here): make a new price instead. */
export const UpdatePriceInput = z.strictObject({
  active: z.boolean().optional(),
  nickname: z.string().max(250).nullable().optional(),
  lookup_key: z.string().min(1).max(200).nullable().optional(),
  metadata: metadataSchema.optional(),
});

export const ListPricesQuery = z.strictObject({
  ...listParams,
  product: z.string().min(1).max(255).optional(),
  active: bool.optional(),
  type: z.enum(PRICE_TYPES).optional(),
  currency: currency.optional(),
  recurring: z.strictObject({ interval: z.enum(PRICE_INTERVALS) }).optional(),
});
