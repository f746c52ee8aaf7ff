import { z } from "zod";
import { REFUND_REASONS } from "@/db/schema";
import { checkAddress, parseBaseUnits, TokenAmountError } from "@/lib/chain/tokens";
import { metadataSchema } from "@/lib/payments/inputs";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";
import type { Address } from "viem";

const CryptoRefundInput = z.strictObject({
  payment: z.string().min(1).max(255),
  amount: z.unknown().optional(),
  reason: z.enum(REFUND_REASONS).optional(),
  metadata: metadataSchema.optional(),
  crypto: z.strictObject({
    address: z.string().max(200),
    /** The chain the integrator means: refused when it is not Kassa's (a refund signed for one chain must not go out on another). */
    chain_id: z.int().positive().optional(),
  }),
});

export interface CryptoRefundRequest {
  payment: string;
  amount: bigint | null;
  address: Address;
  chainId: number | null;
  reason: (typeof REFUND_REASONS)[number] | null;
  metadata: Record<string, string>;
}

/** A refund request that is for a crypto payment: it names where to send (`crypto`), or its amount is base units in a string. */
export function wantsCryptoRefund(input: unknown): boolean {
  const body = input as Record<string, unknown> | null;
  return body !== null && typeof body === "object" && (body.crypto !== undefined || typeof body.amount === "string");
}

export function parseCryptoRefund(input: unknown): CryptoRefundRequest {
  const data = parseWith(CryptoRefundInput, input);
  let amount: bigint | null = null;
  if (data.amount !== undefined) {
    try {
      if (typeof data.amount !== "string") throw new TokenAmountError("not_decimal", "not a string");
      amount = parseBaseUnits(data.amount);
    } catch (error) {
      if (!(error instanceof TokenAmountError)) throw error;
      throw new KassaError("parameter_invalid", 'Invalid amount: for a crypto refund, a string of the token\'s base units (e.g. "1500000" for 1.5 USDC).', {
        param: "amount",
      });
    }
    if (amount < 1n) throw new KassaError("amount_too_small", "A refund must be at least 1 base unit of the token.", { param: "amount" });
  }
  const address = checkAddress(data.crypto.address);
  if (!address.ok) {
    if (address.problem === "bad_checksum") {
      throw new KassaError(
        "address_checksum_invalid",
        `crypto.address ${data.crypto.address} has mixed case that is not its EIP-55 checksum: a mistyped character? Nothing was sent.`,
        { param: "crypto[address]" },
      );
    }
    throw new KassaError("address_invalid", `crypto.address must be 0x and 40 hexadecimal digits, not ${JSON.stringify(data.crypto.address)}.`, {
      param: "crypto[address]",
    });
  }
  return {
    payment: data.payment,
    amount,
    address: address.address,
    chainId: data.crypto.chain_id ?? null,
    reason: data.reason ?? null,
    metadata: data.metadata ?? {},
  };
}
