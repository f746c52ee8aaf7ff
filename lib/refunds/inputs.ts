import { z } from "zod";
import { REFUND_REASONS } from "@/db/schema";
import { listParams } from "@/lib/service/pagination";
import { amountSchema, metadataSchema } from "@/lib/payments/inputs";

export const CreateRefundInput = z.strictObject({
  payment: z.string().min(1).max(255),
  amount: amountSchema.optional(),
  reason: z.enum(REFUND_REASONS).optional(),
  metadata: metadataSchema.optional(),
});
export type CreateRefundInput = z.output<typeof CreateRefundInput>;

export const ListRefundsQuery = z.strictObject({
  ...listParams,
  payment: z.string().min(1).max(255).optional(),
});
