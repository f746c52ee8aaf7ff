import type { CryptoDetails, NextAction } from "@/db/schema";
import { qrSvg } from "@/lib/upi/qr";

/**
 * EIP-681 payment link a wallet opens: for a token, a call of its `transfer(address, uint256)`; for ETH,
 * a plain value transfer. The amount in base units, so no wallet rounds it.
 */
export function eip681Uri(args: { tokenAddress: string | null; to: string; chainId: number; amount: bigint }): string {
  return args.tokenAddress
    ? `ethereum:${args.tokenAddress}@${args.chainId}/transfer?address=${args.to}&uint256=${args.amount}`
    : `ethereum:${args.to}@${args.chainId}?value=${args.amount}`;
}

/** next_action for what is still to pay (the remainder after an under-payment). */
export async function cryptoNextAction(details: CryptoDetails, tokenAddress: string | null): Promise<NextAction> {
  const remaining = BigInt(details.amount_remaining);
  const uri = eip681Uri({ tokenAddress, to: details.address, chainId: details.chain_id, amount: remaining });
  return {
    type: "crypto_transfer",
    crypto_transfer: {
      address: details.address,
      token: details.token,
      amount_in_token_units: remaining.toString(),
      chain_id: details.chain_id,
      expires_at: details.expires_at,
      eip681_uri: uri,
      qr_svg: await qrSvg(uri),
    },
  };
}
