import { httpUrl } from "@/lib/service/schemas";
import { z } from "zod";
import { listParams } from "@/lib/service/pagination";
import { amountSchema, metadataSchema } from "@/lib/payments/inputs";

export const CreatePaymentLinkInput = z.strictObject({
  /** Minor units per item; leave it out to let the customer choose the amount. */
  amount: amountSchema.optional(),
  currency: z
    .string()
    .min(3)
    .max(3)
    .transform((s) => s.toLowerCase()),
  description: z.string().min(1).max(500),
  quantity: z.int().min(1).max(100).optional(),
  success_url: httpUrl.optional(),
  metadata: metadataSchema.optional(),
});
export type CreatePaymentLinkInput = z.output<typeof CreatePaymentLinkInput>;

export const UpdatePaymentLinkInput = z.strictObject({ active: z.boolean() });

export const ListPaymentLinksQuery = z.strictObject({
  ...listParams,
  active: z.enum(["true", "false"]).optional(),
});
