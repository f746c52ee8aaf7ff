// The API's `refund` (lib/refunds/serialize-refund.ts types its answer by this schema).
import { REFUND_REASONS, REFUND_STATUSES } from "@/db/schema/payments";
import { idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";
import { CRYPTO_TOKENS } from "@/db/schema/crypto";
import { PAYMENT_CURRENCY_PATTERN } from "@/lib/crypto-payments/crypto-object";

export const CryptoRefundObject = z
  .strictObject({
    token: z.enum(CRYPTO_TOKENS),
    chain_id: z.int(),
    address: z.string().openapi({ description: "Where the refund is sent (EIP-55)." }),
    amount: z.string().regex(/^\d+$/).openapi({ description: "The amount refunded: a decimal string of the token's base units.", example: "1500000" }),
    transaction: idOf("chainTransaction"),
    tx_hash: z.string().nullable().openapi({ description: "The transaction's hash once signed (a fee replacement changes it; the mined one is kept)." }),
  })
  .openapi("CryptoRefund", { description: "A refund sent back on chain from the merchant's treasury." });

export const RefundObject = z
  .strictObject({
    id: idOf("refund"),
    object: z.literal("refund"),
    amount: minorUnits("The amount refunded."),
    currency: z
      .string()
      .regex(PAYMENT_CURRENCY_PATTERN)
      .openapi({ description: "Three-letter ISO 4217 code, or the token (usdc, usdt, dai, eth).", example: "usd" }),
    payment: idOf("payment"),
    status: z.enum(REFUND_STATUSES),
    reason: z
      .enum([...REFUND_REASONS, "expired_uncaptured_charge", "overpayment"])
      .nullable()
      .openapi({
        description:
          "expired_uncaptured_charge: Kassa refunded a payment paid after it had expired (UPI, or a transfer on chain). overpayment: Kassa sent back what a crypto payer sent beyond the amount.",
      }),
    failure_reason: z.string().nullable(),
    metadata: metadata(),
    livemode: livemode(),
    created: unixTime("Created"),
    crypto: CryptoRefundObject.nullable().openapi({ description: "For a crypto payment's refund: the exact amount and the transaction (`amount` is then 0)." }),
  })
  .openapi("Refund", { description: "Money returned to the customer from a payment." });
