import type { Address } from "viem";
import { openChain, type OpenChain } from "@/lib/chain/open-chain";
import { parseAddress, TOKENS, type TokenId } from "@/lib/chain/tokens";

let opening: Promise<OpenChain> | null = null;

/**
 * The chain crypto payments use, opened at the first crypto use (not at the app's start): EVM_RPC_URL
 * and EVM_CHAIN_ID in production; unset, a local chain this process starts (lib/chain/open-chain.ts).
 * A failed open is not kept, so the next use tries again.
 */
export function cryptoChain(): Promise<OpenChain> {
  if (!opening) {
    opening = openChain(process.env);
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/** Forgets the opened chain (closing a local one this process started): tests that start their own. */
export async function closeCryptoChain(): Promise<void> {
  const open = opening;
  opening = null;
  await (await open?.catch(() => null))?.close();
}

/**
 * The ERC-20 contract of `token` on this chain, or null for ETH: the local chain's test tokens, else
 * EVM_TOKEN_<SYMBOL> (e.g. EVM_TOKEN_USDC), checked with EIP-55. Returns undefined when the chain has none configured.
 */
export function tokenContract(chain: OpenChain, token: TokenId, env: Record<string, string | undefined> = process.env): Address | null | undefined {
  if (token === "eth") return null;
  if (chain.localContracts) return chain.localContracts.tokens[token];
  const configured = env[`EVM_TOKEN_${TOKENS[token].symbol}`]?.trim();
  return configured ? parseAddress(configured) : undefined;
}
