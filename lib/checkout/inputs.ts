import { httpUrl } from "@/lib/service/schemas";
import { z } from "zod";
import { CAPTURE_METHODS, CHECKOUT_PAYMENT_METHOD_TYPES } from "@/db/schema";
import { amountSchema, metadataSchema } from "@/lib/payments/inputs";

/** scheme://host[:port] and nothing else: what a browser reports as a page's origin. */
export const originSchema = z
  .string()
  .max(255)
  .refine((s) => normalizeOrigin(s) === s, "must be an origin such as https://shop.example (scheme, host and port only)");

export function normalizeOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    return u.origin;
  } catch {
    return null;
  }
}

export const CreateCheckoutSessionInput = z.strictObject({
  amount: amountSchema,
  currency: z
    .string()
    .min(3)
    .max(3)
    .transform((s) => s.toLowerCase()),
  description: z.string().max(1000).optional(),
  customer_email: z.email().max(254).optional(),
  success_url: httpUrl,
  cancel_url: httpUrl,
  /** crypto: USDC, USDT or DAI at 1:1, for a session in USD. */
  payment_method_types: z.array(z.enum(CHECKOUT_PAYMENT_METHOD_TYPES)).min(1).max(CHECKOUT_PAYMENT_METHOD_TYPES.length).optional(),
  capture_method: z.enum(CAPTURE_METHODS).optional(),
  metadata: metadataSchema.optional(),
  /** Sites allowed to show this checkout in an iframe through embed.js. */
  embed_origins: z.array(originSchema).max(5).optional(),
});
export type CreateCheckoutSessionInput = z.output<typeof CreateCheckoutSessionInput>;
