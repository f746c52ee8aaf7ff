import { z } from "zod";
import { isTokenId, parseBaseUnits, TokenAmountError, TOKENS, type TokenId } from "@/lib/chain/tokens";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import { metadataSchema } from "@/lib/payments/inputs";
import { isCurrency } from "@/lib/money";
import type { CryptoEscrowDetails } from "@/db/schema";
import { EscrowInput, planEscrow } from "@/lib/escrow/inputs";

/** The largest amount a token contract can move: uint256. */
export const MAX_TOKEN_UNITS = 2n ** 256n - 1n;

/** Fields of POST /payments that a crypto payment does not take: cards, UPI, capture. */
const CARD_ONLY = ["payment_method", "payment_method_options", "confirm", "capture_method", "capture_at", "customer", "return_url"] as const;

const CryptoPaymentInput = z.strictObject({
  payment_method_types: z.tuple([z.literal("crypto")]),
  amount: z.unknown(),
  currency: z.string().transform((s) => s.toLowerCase()),
  description: z.string().max(1000).optional(),
  receipt_email: z.email().max(254).optional(),
  metadata: metadataSchema.optional(),
  escrow: EscrowInput.optional(),
});

export interface CryptoPaymentRequest {
  token: TokenId;
  amount: bigint;
  description: string | null;
  receiptEmail: string | null;
  metadata: Record<string, string>;
  /** Held in the escrow contract after the confirmation (a token only). */
  escrow: CryptoEscrowDetails | null;
}

export function wantsCrypto(input: unknown): boolean {
  const types = (input as { payment_method_types?: unknown } | null)?.payment_method_types;
  return Array.isArray(types) && types.includes("crypto");
}

/** A token currency asked for without the crypto method: say what to send instead of "unsupported currency". */
export function isCryptoCurrency(currency: unknown): boolean {
  return typeof currency === "string" && isTokenId(currency.toLowerCase());
}

/**
 * A crypto payment's request: the token, and the amount as a decimal string of its base units (exact at
 * any size, so never a JSON number), at least 1 and at most uint256.
 */
export function parseCryptoPayment(input: unknown): CryptoPaymentRequest {
  const body = input as Record<string, unknown>;
  for (const field of CARD_ONLY) {
    if (body[field] !== undefined) {
      throw new KassaError("payment_method_unsupported", `A crypto payment does not take ${field}.`, { param: field });
    }
  }
  const types = body.payment_method_types;
  if (Array.isArray(types) && types.length > 1) {
    throw new KassaError("parameter_invalid", 'Invalid payment_method_types: "crypto" cannot be combined with other methods.', {
      param: "payment_method_types",
    });
  }
  const data = parseWith(CryptoPaymentInput, input);
  if (isCurrency(data.currency)) {
    throw new KassaError("payment_method_currency_mismatch", `Crypto takes a token (usdc, usdt, dai, eth), not ${data.currency.toUpperCase()}.`, {
      param: "currency",
    });
  }
  if (!isTokenId(data.currency)) {
    throw new KassaError("currency_unsupported", `Invalid currency for crypto: ${data.currency}. Kassa takes usdc, usdt, dai and eth.`, { param: "currency" });
  }
  const token = data.currency;
  if (typeof data.amount !== "string") {
    throw new KassaError("parameter_invalid", `Invalid amount: for crypto, a string of ${TOKENS[token].symbol} base units (e.g. "1500000" for 1.5 USDC).`, {
      param: "amount",
    });
  }
  let amount: bigint;
  try {
    amount = parseBaseUnits(data.amount);
  } catch (error) {
    if (!(error instanceof TokenAmountError)) throw error;
    throw new KassaError(
      "parameter_invalid",
      `Invalid amount: a whole number of ${TOKENS[token].symbol} base units, as digits only (no sign, point or exponent).`,
      {
        param: "amount",
      },
    );
  }
  if (amount < 1n) throw new KassaError("amount_too_small", `Amount must be at least 1 base unit of ${TOKENS[token].symbol}.`, { param: "amount" });
  if (amount > MAX_TOKEN_UNITS) throw new KassaError("amount_too_large", "Amount must fit a uint256 (at most 2^256 − 1 base units).", { param: "amount" });
  let escrow: CryptoEscrowDetails | null = null;
  if (data.escrow) {
    if (TOKENS[token].native) {
      throw new KassaError("payment_method_unsupported", "Escrow on chain takes a token (usdc, usdt, dai), not ETH.", { param: "escrow" });
    }
    // The same rules as a card's escrow (release_at or release_after_days; the dispute window ends by the release).
    const plan = planEscrow(data.escrow, new Date());
    escrow = {
      status: "pending",
      release_at: plan.releaseAt ? Math.floor(plan.releaseAt.getTime() / 1000) : null,
      release_after_days: plan.escrow.releaseAfterDays,
      dispute_window_days: plan.escrow.disputeWindowDays,
      dispute_until: null,
      contract: null,
      deposit_id: null,
      payer: null,
    };
  }
  return { token, amount, description: data.description ?? null, receiptEmail: data.receipt_email ?? null, metadata: data.metadata ?? {}, escrow };
}
