import type { Address, Hex } from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";
import { localAccount } from "@/lib/chain/local-accounts";
import { openChain, type OpenChain } from "@/lib/chain/open-chain";
import { parseAddress, TOKENS, type TokenId } from "@/lib/chain/tokens";

// One per process, on globalThis like the process's other singletons (lib/api-keys/key-cache.ts): a module
// Next instantiates once per server bundle must still never start a second local chain, or the watcher would
// read a chain the payer never paid on.
const GLOBAL_KEY = Symbol.for("kassa.cryptoChain");
type G = typeof globalThis & { [GLOBAL_KEY]?: Promise<OpenChain> };

/**
 * The chain crypto payments use, opened at the first crypto use (not at the app's start): EVM_RPC_URL
 * and EVM_CHAIN_ID in production; unset, a local chain this process starts (lib/chain/open-chain.ts).
 * A failed open is not kept, so the next use tries again.
 */
export function cryptoChain(): Promise<OpenChain> {
  const g = globalThis as G;
  if (!g[GLOBAL_KEY]) {
    const opening = openChain(process.env);
    g[GLOBAL_KEY] = opening;
    opening.catch(() => {
      if (g[GLOBAL_KEY] === opening) delete g[GLOBAL_KEY];
    });
  }
  return g[GLOBAL_KEY];
}

/** Forgets the opened chain (closing a local one this process started): tests that start their own. */
export async function closeCryptoChain(): Promise<void> {
  const g = globalThis as G;
  const open = g[GLOBAL_KEY];
  delete g[GLOBAL_KEY];
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

/** The escrow contract (KassaEscrow) on this chain: the local chain's own, else EVM_ESCROW_ADDRESS; undefined when none is configured. */
export function escrowContract(chain: OpenChain, env: Record<string, string | undefined> = process.env): Address | undefined {
  if (chain.localContracts) return chain.localContracts.escrow;
  const configured = env.EVM_ESCROW_ADDRESS?.trim();
  return configured ? parseAddress(configured) : undefined;
}

/**
 * The arbiter that rules on disputed escrows: the local chain's `arbiter` account, else the key in
 * CRYPTO_ARBITER_PRIVATE_KEY (a hot key that can only move disputed deposits, to their payer or payee).
 */
export function arbiterAccount(chain: OpenChain, env: Record<string, string | undefined> = process.env): PrivateKeyAccount | undefined {
  if (chain.localContracts) return localAccount("arbiter");
  const key = env.CRYPTO_ARBITER_PRIVATE_KEY?.trim();
  return key ? privateKeyToAccount(key as Hex) : undefined;
}
