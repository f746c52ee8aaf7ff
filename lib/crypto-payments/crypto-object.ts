// The API's shapes of a crypto payment (lib/payments/payment-object.ts includes them).
import { CRYPTO_DEPOSIT_STATUSES, CRYPTO_ESCROW_STATUSES, CRYPTO_TOKENS } from "@/db/schema/crypto";
import { unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

/** A payment's currency: an ISO code, or a token id. */
export const PAYMENT_CURRENCY_PATTERN = /^(?:[a-z]{3}|usdc|usdt)$/;

const baseUnits = (description: string) =>
  z
    .string()
    .regex(/^\d+$/)
    .openapi({ description: `${description} A decimal string of the token's base units (exact at any size).`, example: "1500000" });

export const CryptoTransferObject = z
  .strictObject({
    tx_hash: z.string(),
    from: z.string().nullable().optional().openapi({ description: "The sender (null for ETH, watched by its balance)." }),
    log_index: z.int().nullable(),
    block_number: z.string().regex(/^\d+$/),
    amount: baseUnits("Transferred."),
    confirmations: z.int().openapi({ description: "Blocks deep at the last check (its own block counts as one)." }),
  })
  .openapi("CryptoTransfer", { description: "A transfer to the deposit address as the chain showed it at the last check." });

export const CryptoEscrowObject = z
  .strictObject({
    status: z.enum(CRYPTO_ESCROW_STATUSES).openapi({
      description:
        "pending (not paid yet), depositing (being put into the escrow contract), held, disputed (by the payer, on chain), resolving (the arbiter's ruling is being sent), released (to the merchant), refunded (to the payer).",
    }),
    release_at: z
      .int()
      .nullable()
      .openapi({ description: "Unix seconds after which the deposit is released (set at the confirmation for release_after_days)." }),
    release_after_days: z.int().nullable(),
    dispute_window_days: z.int().nullable(),
    dispute_until: z.int().nullable().openapi({ description: "Unix seconds until which the payer may dispute on chain." }),
    contract: z.string().nullable().openapi({ description: "The escrow contract (EIP-55)." }),
    deposit_id: z.string().nullable().openapi({ description: "The deposit's id in the contract." }),
    payer: z.string().nullable().openapi({ description: "The payer's address: who may dispute, and who a refund goes to." }),
  })
  .openapi("CryptoEscrow", { description: "A crypto payment held in the escrow contract until its timelock." });

export const CryptoDetailsObject = z
  .strictObject({
    token: z.enum(CRYPTO_TOKENS),
    chain_id: z.int(),
    address: z.string().openapi({ description: "The payment's own deposit address (EIP-55)." }),
    amount: baseUnits("The amount asked for."),
    amount_received: baseUnits("Confirmed so far."),
    amount_pending: baseUnits("Seen on chain, not yet confirmed."),
    amount_remaining: baseUnits("Still to pay."),
    surplus: baseUnits("Paid beyond the amount (owed back to the payer)."),
    status: z.enum(CRYPTO_DEPOSIT_STATUSES),
    confirmations_required: z.int(),
    expires_at: unixTime("After this the payment expires unless paid"),
    transfers: z.array(CryptoTransferObject),
    escrow: CryptoEscrowObject.nullable().optional(),
  })
  .openapi("CryptoDetails", { description: "A crypto payment's deposit address and what the chain shows there." });

export const CryptoTransferActionObject = z
  .strictObject({
    address: z.string().openapi({ description: "Where to send (EIP-55)." }),
    token: z.enum(CRYPTO_TOKENS),
    amount_in_token_units: baseUnits("What is still to send."),
    chain_id: z.int(),
    expires_at: unixTime("When the payment expires"),
    eip681_uri: z.string().openapi({ description: "An EIP-681 link for a wallet (ethereum:…)." }),
    qr_svg: z.string().openapi({ description: "The same link as an SVG QR code." }),
  })
  .openapi("CryptoTransferAction", { description: "A transfer of a token to the payment's deposit address." });
