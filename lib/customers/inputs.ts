import { httpUrl } from "@/lib/service/schemas";
import { z } from "zod";
import { listParams } from "@/lib/service/pagination";
import { metadataSchema } from "@/lib/payments/inputs";

const email = z.email().max(254);
const text = (max: number) => z.string().max(max);

export const CreateCustomerInput = z.strictObject({
  email: email.optional(),
  name: text(256).optional(),
  description: text(1000).optional(),
  phone: text(32).optional(),
  metadata: metadataSchema.optional(),
});

/** Like Stripe: `""` or null clears a field; `invoice_settings.default_payment_method` sets the default card. */
export const UpdateCustomerInput = z.strictObject({
  email: z.union([email, z.literal(""), z.null()]).optional(),
  name: text(256).nullable().optional(),
  description: text(1000).nullable().optional(),
  phone: text(32).nullable().optional(),
  metadata: metadataSchema.optional(),
  invoice_settings: z.strictObject({ default_payment_method: z.string().min(1).max(255).nullable() }).optional(),
});

export const ListCustomersQuery = z.strictObject({
  ...listParams,
  email: z.string().min(1).max(254).optional(),
});

export const ListPaymentMethodsQuery = z.strictObject({ ...listParams, type: z.literal("card").optional() });

export const CreateSetupIntentInput = z.strictObject({
  customer: z.string().min(1).max(255),
  /** A card token: Stripe's test methods (pm_card_visa…) or a pm_… made by Stripe.js. */
  payment_method: z.string().min(1).max(255),
  usage: z.enum(["off_session", "on_session"]).optional(),
  return_url: httpUrl.optional(),
  metadata: metadataSchema.optional(),
});

export const AttachPaymentMethodInput = z.strictObject({ customer: z.string().min(1).max(255) });
export const DetachPaymentMethodInput = z.strictObject({});
