import { LOCAL_CHAIN_ID } from "./local-accounts";

/**
 * Which chain Kassa talks to. EVM_RPC_URL (+ EVM_CHAIN_ID, required with it) in production; unset, the
 * embedded default: a local chain started by the app (lib/chain/local-chain.ts).
 */
export type ChainConfig = { kind: "rpc"; url: string; chainId: number } | { kind: "local"; chainId: typeof LOCAL_CHAIN_ID };

export function chainConfigFromEnv(env: Record<string, string | undefined> = process.env): ChainConfig {
  const url = env.EVM_RPC_URL?.trim();
  const chainIdText = env.EVM_CHAIN_ID?.trim();
  if (!url) {
    if (chainIdText) throw new Error("EVM_CHAIN_ID is set but EVM_RPC_URL is not: set both, or neither for the local chain.");
    return { kind: "local", chainId: LOCAL_CHAIN_ID };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("EVM_RPC_URL is not a URL.");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("EVM_RPC_URL must be an http:// or https:// URL.");
  if (!chainIdText) throw new Error("EVM_RPC_URL needs EVM_CHAIN_ID: Kassa checks the node serves the chain you meant (e.g. 1 for Ethereum).");
  const chainId = Number(chainIdText);
  if (!/^\d+$/.test(chainIdText) || !Number.isSafeInteger(chainId) || chainId <= 0)
    throw new Error(`EVM_CHAIN_ID must be a positive integer, not ${chainIdText}.`);
  return { kind: "rpc", url, chainId };
}

/** An RPC URL for messages and logs: providers put API keys in the path or query, so only the origin is shown. */
export function redactRpcUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(not a URL)";
  }
}
