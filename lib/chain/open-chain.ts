import { connectChain, type ChainClients } from "./clients";
import { chainConfigFromEnv, type ChainConfig } from "./config";
import { ensureLocalContracts, type LocalContracts } from "./deploy-local";
import { LOCAL_CHAIN_ID } from "./local-accounts";
import { startLocalChain, type LocalChain } from "./local-chain";

export interface OpenChain {
  config: ChainConfig;
  clients: ChainClients;
  /** The test tokens and escrow, on a local chain (id 31337) only; on a real chain they come from configuration (a later slice). */
  localContracts: LocalContracts | null;
  /** The chain process this call started, when EVM_RPC_URL is unset. */
  localChain: LocalChain | null;
  /** Stops the local chain this call started, if any. */
  close(): Promise<void>;
}

/**
 * The chain Kassa uses: the configured EVM_RPC_URL (its chain id checked), or a local chain started
 * here. A chain with the local id gets its test contracts, found or deployed — also when EVM_RPC_URL
 * points at a local chain that is already running (a second app instance, a restart).
 */
export async function openChain(env: Record<string, string | undefined> = process.env): Promise<OpenChain> {
  const config = chainConfigFromEnv(env);
  const local = config.kind === "local" ? await startLocalChain() : null;
  try {
    const url = config.kind === "rpc" ? config.url : local!.url;
    const clients = await connectChain({ url, chainId: config.chainId });
    const localContracts = config.chainId === LOCAL_CHAIN_ID ? await ensureLocalContracts(clients) : null;
    return { config, clients, localContracts, localChain: local, close: async () => local?.stop() };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}
