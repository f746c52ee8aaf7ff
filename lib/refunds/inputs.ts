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

/**
 * POST /api/v1/refunds' body as the API takes it: a card/UPI/PayPal refund (CreateRefundInput), or a crypto
 * payment's refund sent on chain, with `crypto.address` and the amount as a string of base units
 * (lib/crypto-payments/refund-inputs.ts checks it). Only the shape is documented here; createRefund checks per method.
 */
export const CreateRefundBody = CreateRefundInput.extend({
  amount: z
    .union([
      z.number().meta({ type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "Minor units (card, UPI, PayPal)." }),
      z.string().meta({ pattern: "^[0-9]+$", description: 'For a crypto payment: a decimal string of the token\'s base units, e.g. "1500000" for 1.5 USDC.' }),
    ])
    .optional(),
  crypto: z
    .strictObject({
      address: z.string().max(200).meta({ description: "Where to send the refund: an EVM address (EIP-55 checksum checked when mixed case)." }),
      chain_id: z.int().positive().optional().meta({ description: "The chain you mean; refused with chain_id_mismatch if it is not Kassa's." }),
    })
    .optional()
    .meta({ description: "Required for a crypto payment's refund, refused for any other." }),
});
